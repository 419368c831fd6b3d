package dev.fntrace.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The trace viewer in a real headless Chromium, driven by Selenium against the running
 * sample: login, the calls just made, the status filter, one trace's waterfall, the N+1
 * flag and live updates. Skipped only where Debian's {@code chromium-driver} is not
 * installed.
 * <p>
 * The test of a rolled-back trace saves a screenshot of the page to
 * {@code target/fntraces-page.png}.
 */
class TraceViewerBrowserTests extends SampleAppIntegrationTest {

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static WebDriver browser;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startChromium(@TempDir Path profile) {
		assumeTrue(CHROMEDRIVER.canExecute(), "Debian's chromium-driver is not installed (" + CHROMEDRIVER + ")");
		// Selenium must never look for drivers or browsers on the network
		System.setProperty("SE_OFFLINE", "true");
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.getPath());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1440,900", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopChromium() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	@BeforeEach
	void signInAsAdmin() {
		browser.manage().deleteAllCookies();
		browser.get(url("/actuator/fntraces"));
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		browser.findElement(By.name("username")).sendKeys("admin");
		browser.findElement(By.name("password")).sendKeys("password");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("traces")));
		assertThat(browser.getCurrentUrl()).contains("/actuator/fntraces");
	}

	@Test
	void showsTheCallsJustMadeWithTheirStatusAndAnNPlusOneFlag() {
		long lotId = this.api.firstOpenLot(SampleApi.ALICE).path("id").asLong();
		assertThat(this.api.send(SampleApi.BOB, "GET", "/api/leaderboard", null).status()).isEqualTo(200);
		List<String> callIds = SampleApi.callIds(this.api.traces(""));
		reloadPage();
		waitForRows(callIds.size());
		assertThat(rowCallIds()).containsExactlyInAnyOrderElementsOf(callIds);
		WebElement leaderboard = rowOf(this.api.onlyTrace("fn=getLeaderboard"));
		assertThat(leaderboard.getText()).contains("getLeaderboard", "bob", "ok");
		assertThat(leaderboard.findElements(By.cssSelector(".flag-n-plus-one"))).hasSize(1);
		WebElement getLots = rowOf(this.api.onlyTrace("fn=getLots"));
		assertThat(getLots.getText()).contains("getLots", "alice", "acme", "query");
		assertThat(getLots.findElements(By.cssSelector(".flag-n-plus-one"))).isEmpty();
		assertThat(lotId).isPositive();
	}

	@Test
	void filtersByStatus() {
		JsonNode lot = this.api.firstOpenLot(SampleApi.ALICE);
		this.api.placeBid(SampleApi.ALICE, lot.path("id").asLong(), lot.path("currentPrice").asLong());
		String rolledBack = this.api.onlyTrace("status=rolled_back").path("call_id").asString();
		reloadPage();
		waitForRows(2);
		new Select(browser.findElement(By.id("filter-status"))).selectByValue("rolled_back");
		waitUntil((driver) -> rowCallIds().equals(List.of(rolledBack)));
		new Select(browser.findElement(By.id("filter-status"))).selectByValue("ok");
		waitUntil((driver) -> !rowCallIds().isEmpty() && !rowCallIds().contains(rolledBack));
		assertThat(rowStatuses()).isNotEmpty().containsOnly("ok");
	}

	@Test
	void opensATraceAndShowsItsWaterfall() {
		for (int i = 0; i < 3; i++) {
			this.api.createLot(SampleApi.ALICE, "Browser lot " + i, 10, null);
		}
		assertThat(this.api.send(SampleApi.BOB, "GET", "/api/leaderboard", null).status()).isEqualTo(200);
		JsonNode trace = this.api.onlyTrace("fn=getLeaderboard");
		reloadPage();
		waitForRows(4);
		rowOf(trace).click();
		WebElement detail = waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
		waitUntil((driver) -> detail.findElements(By.cssSelector(".waterfall .op")).size() == trace.path("ops").size());
		assertThat(detail.findElement(By.tagName("h2")).getText()).contains("getLeaderboard");
		assertThat(detail.findElements(By.cssSelector(".finding-n-plus-one"))).singleElement()
			.satisfies((finding) -> assertThat(finding.getText())
				.contains("ran " + trace.path("insights").path("n_plus_one").get(0).path("count").asInt() + " times"));
		WebElement firstBar = detail.findElement(By.cssSelector(".waterfall .op .op-bar"));
		assertThat(firstBar.getSize().getWidth()).isPositive();
		WebElement op = detail.findElements(By.cssSelector(".waterfall .op")).get(1);
		assertThat(op.findElement(By.cssSelector(".sql")).isDisplayed()).isFalse();
		op.click();
		assertThat(op.findElement(By.cssSelector(".sql")).getText()).containsIgnoringCase("from bid");
	}

	@Test
	void showsStatisticsPerFunction() {
		this.api.firstOpenLot(SampleApi.ALICE);
		this.api.firstOpenLot(SampleApi.BOB);
		assertThat(this.api.send(SampleApi.BOB, "GET", "/api/leaderboard", null).status()).isEqualTo(200);
		reloadPage();
		browser.findElement(By.id("tab-functions")).click();
		WebElement getLots = waitUntil(
				ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#functions tr[data-fn='getLots']")));
		List<WebElement> cells = getLots.findElements(By.tagName("td"));
		assertThat(cells.get(0).getText()).isEqualTo("getLots");
		assertThat(cells.get(2).getText()).as("calls").isEqualTo("2");
		assertThat(cells.get(3).getText()).as("errors").isEqualTo("0");
		assertThat(getLots.findElements(By.cssSelector("svg.histogram rect"))).isNotEmpty();
		assertThat(browser.findElement(By.id("functions-note")).getText()).contains("traces the log holds");
	}

	@Test
	void opensARolledBackTraceWithItsCodeAndSavesAScreenshot() throws IOException {
		for (int i = 0; i < 3; i++) {
			this.api.createLot(SampleApi.BOB, "Screenshot lot " + i, 10 + i, null);
		}
		JsonNode lot = this.api.firstOpenLot(SampleApi.ALICE);
		long lotId = lot.path("id").asLong();
		long price = lot.path("currentPrice").asLong();
		assertThat(this.api.placeBid(SampleApi.BOB, lotId, price + 10).status()).isEqualTo(201);
		assertThat(this.api.send(SampleApi.BOB, "GET", "/api/leaderboard", null).status()).isEqualTo(200);
		this.api.lot(SampleApi.ALICE, lotId);
		assertThat(this.api.placeBid(SampleApi.ALICE, lotId, price).status()).isEqualTo(409);
		JsonNode rolledBack = this.api.onlyTrace("status=rolled_back");
		reloadPage();
		waitForRows(SampleApi.callIds(this.api.traces("")).size());
		rowOf(rolledBack).click();
		WebElement detail = waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
		waitUntil((driver) -> !detail.findElements(By.cssSelector(".outcome")).isEmpty());
		assertThat(detail.findElement(By.cssSelector(".outcome")).getText()).contains("BID_TOO_LOW");
		assertThat(detail.findElement(By.cssSelector(".badge")).getText()).isEqualTo("rolled back");
		assertThat(detail.findElements(By.cssSelector(".waterfall .op"))).hasSize(rolledBack.path("ops").size());
		Path screenshot = Path.of("target", "fntraces-page.png");
		Files.createDirectories(screenshot.getParent());
		File taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(taken.toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
		assertThat(Files.size(screenshot)).isPositive();
	}

	@Test
	void showsANewCallWithoutAReload() {
		this.api.firstOpenLot(SampleApi.ALICE);
		reloadPage();
		waitForRows(1);
		((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
		this.api.createLot(SampleApi.BOB, "Live lot", 25, null);
		String createLot = this.api.onlyTrace("fn=createLot").path("call_id").asString();
		waitUntil((driver) -> rowCallIds().contains(createLot));
		assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
			.isEqualTo(Boolean.TRUE);
		assertThat(rowCallIds().get(0)).isEqualTo(createLot);
	}

	private void reloadPage() {
		browser.get(url("/actuator/fntraces"));
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("traces")));
	}

	private void waitForRows(int count) {
		waitUntil((driver) -> rowCallIds().size() >= count);
	}

	/**
	 * The call ids of the rows, read in one script so that a live update cannot
	 * interleave.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> rowCallIds() {
		return (List<String>) ((JavascriptExecutor) browser).executeScript(
				"return Array.from(document.querySelectorAll('#traces tbody tr'), (row) => row.dataset.callId);");
	}

	@SuppressWarnings("unchecked")
	private static List<String> rowStatuses() {
		return (List<String>) ((JavascriptExecutor) browser).executeScript(
				"return Array.from(document.querySelectorAll('#traces tbody tr'), (row) => row.dataset.status);");
	}

	private static WebElement rowOf(JsonNode trace) {
		return browser
			.findElement(By.cssSelector("#traces tbody tr[data-call-id='" + trace.path("call_id").asString() + "']"));
	}

	private static <T> T waitUntil(Function<? super WebDriver, T> condition) {
		return new WebDriverWait(browser, WAIT).until(condition);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
