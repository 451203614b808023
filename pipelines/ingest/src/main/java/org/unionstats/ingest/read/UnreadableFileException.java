package org.unionstats.ingest.read;

/** A file that cannot be read at all: it is refused as a whole and the batch goes on. */
public final class UnreadableFileException extends Exception {

    private final String messageZh;

    public UnreadableFileException(String messageZh, String messageEn, Throwable cause) {
        super(messageEn, cause);
        this.messageZh = messageZh;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return getMessage();
    }
}
