package dev.fntrace.test.library;

import dev.fntrace.model.FnType;
import dev.fntrace.test.AutoConfigureFnTrace;
import dev.fntrace.test.FnTraceRecorder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static dev.fntrace.test.FnTraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The kit in a {@code @WebMvcTest} slice: traced handler methods are recorded, and a call
 * that ends on another thread (a deferred result) is awaited.
 */
@WebMvcTest(GreetingController.class)
@AutoConfigureFnTrace
class FnTraceWebMvcSliceTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void handlerCallIsRecorded(FnTraceRecorder traces) throws Exception {
		this.mvc.perform(get("/greet").param("name", "Ada")).andExpect(status().isOk());

		assertThat(traces).call("greet").isOk().hasType(FnType.ACTION).ranNoOps().scheduledNothing();
	}

	@Test
	void deferredResultIsAwaited(FnTraceRecorder traces) throws Exception {
		MvcResult started = this.mvc.perform(get("/greet-later").param("name", "Grace"))
			.andExpect(request().asyncStarted())
			.andReturn();
		this.mvc.perform(asyncDispatch(started)).andExpect(content().string("Hello Grace"));

		assertThat(traces).awaitCall("greetLater").isOk().ranNoOps();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(traces).call("greet"))
			.withMessage("Expected one call greet but there was none.\nThe test made 1 call:\n"
					+ "   1. greetLater ok, 0 ops");
	}

}
