package dev.fntrace.benchmarks;

/**
 * The method every contender of {@link InterceptionBenchmark} wraps: trivial, so that
 * what is measured is the wrapping.
 */
public interface Work {

	/**
	 * Do a trivial piece of work.
	 * @param input any number
	 * @return a number computed from it
	 */
	int work(int input);

	/**
	 * The work itself, shared by every contender.
	 * @param input any number
	 * @return a number computed from it
	 */
	static int compute(int input) {
		return input * 31 + 7;
	}

}
