package org.unionstats.ingest.read;

import org.unionstats.warehouse.quarantine.QuarantineCode;

/**
 * A file refused as a whole, with the reason a clerk reads: thrown from wherever the reading
 * notices it (a limit, the clock, a damaged header) and turned into the file's refusal by the
 * checker. Unchecked, so it can leave a SAX handler or a row callback unchanged.
 */
public class RefusedFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient QuarantineCode.Message reason;

    public RefusedFileException(QuarantineCode.Message reason) {
        this(reason, null);
    }

    public RefusedFileException(QuarantineCode.Message reason, Throwable cause) {
        super(reason.code().code() + ": " + reason.en(), cause, false, false);
        this.reason = reason;
    }

    public QuarantineCode.Message reason() {
        return reason;
    }

    /** The refusal inside {@code e} or its causes (a SAX parser or a stream may have wrapped it), or null. */
    public static RefusedFileException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedFileException r) {
                return r;
            }
            if (t instanceof org.xml.sax.SAXException sax && sax.getException() instanceof RefusedFileException r) {
                return r;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
