package org.unionstats.ingest.plan;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;
import org.unionstats.period.PeriodType;
import org.unionstats.submission.SubmissionFormat;
import org.unionstats.submission.SubmissionPath;

/** A compact, deterministic coder for planned files (Java serialization is slow and verbose). */
public final class PlannedFileCoder extends AtomicCoder<PlannedFile> {

    private static final PlannedFileCoder INSTANCE = new PlannedFileCoder();

    public static PlannedFileCoder of() {
        return INSTANCE;
    }

    @Override
    public void encode(PlannedFile f, OutputStream outStream) throws IOException {
        DataOutputStream out = new DataOutputStream(outStream);
        string(out, f.relativePath());
        string(out, f.sourceFile());
        string(out, f.resource());
        out.writeUTF(f.sha256());
        out.writeLong(f.modifiedMillis());
        out.writeLong(f.sizeBytes());
        SubmissionPath p = f.path();
        out.writeBoolean(p != null);
        if (p != null) {
            string(out, p.submitter());
            out.writeByte(p.period().type().ordinal());
            out.writeShort(p.period().year());
            out.writeByte(p.period().index());
            out.writeByte(p.recordType().ordinal());
            out.writeByte(p.format().ordinal());
            out.writeInt(p.version());
        }
        nullable(out, f.refusalCode());
        nullable(out, f.refusalZh());
        nullable(out, f.refusalEn());
        out.writeInt(f.rank());
        out.writeBoolean(f.receivedAt() != null);
        if (f.receivedAt() != null) {
            out.writeLong(f.receivedAt());
        }
        out.flush();
    }

    @Override
    public PlannedFile decode(InputStream inStream) throws IOException {
        DataInputStream in = new DataInputStream(inStream);
        String relative = string(in);
        String sourceFile = string(in);
        String resource = string(in);
        String sha = in.readUTF();
        long modified = in.readLong();
        long size = in.readLong();
        SubmissionPath path = null;
        if (in.readBoolean()) {
            String submitter = string(in);
            Period period = new Period(PeriodType.values()[in.readByte()], in.readShort(), in.readByte());
            RecordType type = RecordType.values()[in.readByte()];
            SubmissionFormat format = SubmissionFormat.values()[in.readByte()];
            path = new SubmissionPath(relative, submitter, period, type, format, in.readInt());
        }
        String refusalCode = nullable(in);
        String refusalZh = nullable(in);
        String refusalEn = nullable(in);
        int rank = in.readInt();
        Long receivedAt = in.readBoolean() ? in.readLong() : null;
        return new PlannedFile(relative, sourceFile, resource, sha, modified, size, path, refusalCode, refusalZh, refusalEn, rank,
                receivedAt);
    }

    @Override
    public void verifyDeterministic() {}

    /** Strings of any length (writeUTF stops at 64 KiB of modified UTF-8). */
    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_16BE);
    }

    private static void nullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            string(out, s);
        }
    }

    private static String nullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? string(in) : null;
    }
}
