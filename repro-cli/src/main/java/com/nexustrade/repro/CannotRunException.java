package com.nexustrade.repro;

/**
 * The tool could not run a check at all (target unreachable, login refused, a missing secret): exit 2.
 * The message is the one sentence the user sees on stderr, so it must read well on its own.
 */
public class CannotRunException extends RuntimeException {

    public CannotRunException(String sentence) {
        super(sentence);
    }

    public CannotRunException(String sentence, Throwable cause) {
        super(sentence, cause);
    }

    /** The one sentence for any failure to run: ours as written, anything else as a bug of ours, still one line. */
    public static String sentenceOf(Exception failure) {
        return failure instanceof CannotRunException || failure instanceof picocli.CommandLine.ParameterException
                ? failure.getMessage()
                : "Unexpected failure, please report it: " + failure;
    }
}
