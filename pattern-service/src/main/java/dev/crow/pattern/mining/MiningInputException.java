package dev.crow.pattern.mining;

/** The interaction stream could not be read as NDJSON interactions. */
public class MiningInputException extends RuntimeException {

    public MiningInputException(String message) {
        super(message, null, false, false);
    }
}
