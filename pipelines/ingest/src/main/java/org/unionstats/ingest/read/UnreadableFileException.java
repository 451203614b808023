package org.unionstats.ingest.read;

import org.unionstats.warehouse.quarantine.QuarantineCode;

/** A file that cannot be read at all ({@code UNREADABLE_FILE}): it is refused as a whole and the batch goes on. */
public final class UnreadableFileException extends RefusedFileException {

    private static final long serialVersionUID = 1L;

    private final String messageZh;
    private final String messageEn;

    public UnreadableFileException(String messageZh, String messageEn, Throwable cause) {
        super(QuarantineCode.UNREADABLE_FILE.detail(messageZh, messageEn), cause);
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
