package org.unionstats.ingest.pipeline;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.Indicators;
import org.unionstats.contract.RecordType;
import org.unionstats.ingest.plan.PlannedFile;
import org.unionstats.privacy.Pseudonymizer;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.submission.SubmissionPath;
import org.unionstats.validation.RowValidator;
import org.unionstats.warehouse.WarehouseLayout;

/** The checking transform on two files: org codes declared in one batch file are known to the other. */
public class CheckSubmissionsTest {

    @Rule
    public final transient TestPipeline pipeline = TestPipeline.create();

    @Rule
    public final transient TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void referencesResolveWithinTheBatchAndEveryRowIsRouted() throws Exception {
        RegionDirectory regions = RegionDirectory.loadDefault();
        ContractCatalog catalog = ContractCatalog.load();
        List<PlannedFile> files = new ArrayList<>();
        // Declares 130306-0007; the member file below refers to it (row 2) and to an undeclared union (row 3).
        files.add(file(regions, "130306/2024Q3/org_units.csv",
                "工会代码,工会名称,层级,上级工会代码,行政区划代码\n130306-0007,某社区工会,村社区,130306,130306\n"));
        files.add(file(regions, "130306/2024Q3/member_events.csv",
                "会员编号,所属工会代码,变动类型,变动日期\nA,130306-0007,入会,2024-07-01\nB,130306-0008,入会,2024-07-01\n"));

        PCollectionTuple out = pipeline
                .apply(Create.of(files).withCoder(SerializableCoder.of(PlannedFile.class)))
                .apply(new CheckSubmissions(catalog, "0123456789abcdef".getBytes(StandardCharsets.UTF_8), Set.of(), Set.of(), "test-run", 0L));

        AvroCoder<GenericRecord> receiptCoder = AvroCoder.of(ContractCatalog.tableSchema(WarehouseLayout.RECEIPTS));
        PAssert.that(out.get(CheckSubmissions.RECEIPTS).apply("Receipt counts", FlatMapElements.into(TypeDescriptors.strings())
                        .via((KV<String, List<byte[]>> batch) -> decoded(receiptCoder, batch).stream()
                                .map(r -> batch.getKey() + " " + r.get("source_file") + " read=" + r.get("rows_read")
                                        + " accepted=" + r.get("accepted") + " quarantined=" + r.get("quarantined"))
                                .toList())))
                .containsInAnyOrder(
                        "2024Q3 130306/2024Q3/org_units.csv read=1 accepted=1 quarantined=0",
                        "2024Q3 130306/2024Q3/member_events.csv read=2 accepted=1 quarantined=1");
        AvroCoder<GenericRecord> memberCoder = AvroCoder.of(catalog.schema(RecordType.MEMBER_EVENTS));
        PAssert.that(out.get(CheckSubmissions.accepted(RecordType.MEMBER_EVENTS)).apply("Member orgs",
                        FlatMapElements.into(TypeDescriptors.strings()).via((KV<String, List<byte[]>> batch) ->
                                decoded(memberCoder, batch).stream().map(r -> r.get("org_code").toString()).toList())))
                .containsInAnyOrder("130306-0007");
        PAssert.that(out.get(CheckSubmissions.QUARANTINE)).satisfies(entries -> {
            List<KV<String, GenericRecord>> list = StreamSupport.stream(entries.spliterator(), false).toList();
            assertEquals(1, list.size());
            assertEquals("UNKNOWN_ORG", list.get(0).getValue().get("error_code").toString());
            assertEquals(3, list.get(0).getValue().get("source_row"));
            return null;
        });
        pipeline.run().waitUntilFinish();
    }

    /** The rows of a batch as records (the transform's outputs carry them encoded). */
    private static List<GenericRecord> decoded(AvroCoder<GenericRecord> coder, KV<String, List<byte[]>> batch) {
        List<GenericRecord> rows = new ArrayList<>();
        for (byte[] row : batch.getValue()) {
            try {
                rows.add(EncodedRows.decode(coder, row));
            } catch (CoderException e) {
                throw new IllegalStateException(e);
            }
        }
        return rows;
    }

    private PlannedFile file(RegionDirectory regions, String relative, String content) throws Exception {
        Path path = tmp.getRoot().toPath().resolve(relative);
        Files.createDirectories(path.getParent());
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Files.write(path, bytes);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return new PlannedFile(relative, path.toString(), sha, 0L, SubmissionPath.parse(relative, regions), null, null, null);
    }
}
