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
        out.writeUTF(f.relativePath());
        out.writeUTF(f.resource());
        out.writeUTF(f.sha256());
        out.writeLong(f.modifiedMillis());
        SubmissionPath p = f.path();
        out.writeBoolean(p != null);
        if (p != null) {
            out.writeUTF(p.submitter());
            out.writeByte(p.period().type().ordinal());
            out.writeShort(p.period().year());
            out.writeByte(p.period().index());
            out.writeByte(p.recordType().ordinal());
            out.writeByte(p.format().ordinal());
            out.writeInt(p.version());
        }
        nullable(out, f.pathErrorZh());
        nullable(out, f.pathErrorEn());
        nullable(out, f.replacedBy());
        out.flush();
    }

    @Override
    public PlannedFile decode(InputStream inStream) throws IOException {
        DataInputStream in = new DataInputStream(inStream);
        String relative = in.readUTF();
        String resource = in.readUTF();
        String sha = in.readUTF();
        long modified = in.readLong();
        SubmissionPath path = null;
        if (in.readBoolean()) {
            String submitter = in.readUTF();
            Period period = new Period(PeriodType.values()[in.readByte()], in.readShort(), in.readByte());
            RecordType type = RecordType.values()[in.readByte()];
            SubmissionFormat format = SubmissionFormat.values()[in.readByte()];
            path = new SubmissionPath(relative, submitter, period, type, format, in.readInt());
        }
        return new PlannedFile(relative, resource, sha, modified, path, nullable(in), nullable(in), nullable(in));
    }

    @Override
    public void verifyDeterministic() {}

    private static void nullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String nullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
