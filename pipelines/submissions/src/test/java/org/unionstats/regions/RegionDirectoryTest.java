package org.unionstats.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class RegionDirectoryTest {

    private static final RegionDirectory DIR = RegionDirectory.loadDefault();

    private static List<String> codes(List<Region> regions) {
        return regions.stream().map(Region::code).toList();
    }

    @Test
    void nationalRootExists() {
        Region root = DIR.find("000000").orElseThrow();
        assertThat(root.name()).isEqualTo("全国");
        assertThat(root.level()).isEqualTo(RegionLevel.NATIONAL);
        assertThat(root.parentCode()).isNull();
        assertThat(root.provinceCode()).isNull();
        assertThat(root.cityCode()).isNull();
        assertThat(root.zoneType()).isNull();
        assertThat(DIR.ancestors("000000")).isEmpty();
        assertThat(DIR.pathName("000000")).isEqualTo("全国");
    }

    @Test
    void countsPerLevel() {
        // 31 provinces; 342 NBS cities less 9 placeholders; 2978 NBS areas less 3 placeholders, plus the 5 zones of
        // functional_zones_supplement.csv (124 NBS functional zones + 5 = 129).
        assertThat(DIR.children("000000")).hasSize(31)
                .allSatisfy(p -> assertThat(p.level()).isEqualTo(RegionLevel.PROVINCE));
        assertThat(DIR.all()).filteredOn(r -> r.level() == RegionLevel.PROVINCE).hasSize(31);
        assertThat(DIR.all()).filteredOn(r -> r.level() == RegionLevel.CITY).hasSize(333);
        assertThat(DIR.all()).filteredOn(r -> r.level() == RegionLevel.COUNTY).hasSize(2980);
        assertThat(DIR.all()).filteredOn(Region::isFunctionalZone).hasSize(129);
        assertThat(DIR.all()).filteredOn(Region::isNbsOnly).extracting(Region::code)
                .containsExactly("232761", "232762", "232763", "232764", "620201", "632857");
        assertThat(DIR.size()).isEqualTo(3345).isEqualTo(DIR.all().size());
        assertThat(DIR.countiesUnder("000000")).hasSize(2980);
    }

    @Test
    void allIsSortedByCode() {
        List<String> codes = codes(DIR.all());
        assertThat(codes).isSorted().doesNotHaveDuplicates();
        assertThat(codes.get(0)).isEqualTo("000000");
    }

    @Test
    void seedCodesExist() {
        assertThat(DIR.find("130300")).get().extracting(Region::name).isEqualTo("秦皇岛市");
        assertThat(DIR.find("130306")).get().extracting(Region::name).isEqualTo("抚宁区");
        assertThat(DIR.find("130322")).get().extracting(Region::name).isEqualTo("昌黎县");
        assertThat(DIR.find("610800")).get().extracting(Region::name).isEqualTo("榆林市");
        assertThat(DIR.find("220000")).get().extracting(Region::name).isEqualTo("吉林省");
        assertThat(DIR.find("500106")).get().extracting(Region::name).isEqualTo("沙坪坝区");
        assertThat(DIR.find("621123")).get().extracting(Region::name).isEqualTo("渭源县");
        assertThat(DIR.find("370406")).get().extracting(Region::name).isEqualTo("山亭区");
        assertThat(DIR.find("341272")).get().extracting(Region::name).isEqualTo("阜阳经济技术开发区");
    }

    @Test
    void ancestorsOfFuningAreCityProvinceRoot() {
        assertThat(codes(DIR.ancestors("130306"))).containsExactly("130300", "130000", "000000");
        Region funing = DIR.find("130306").orElseThrow();
        assertThat(funing.level()).isEqualTo(RegionLevel.COUNTY);
        assertThat(funing.parentCode()).isEqualTo("130300");
        assertThat(funing.provinceCode()).isEqualTo("130000");
        assertThat(funing.cityCode()).isEqualTo("130300");
        assertThat(funing.isFunctionalZone()).isFalse();
        assertThat(DIR.pathName("130306")).isEqualTo("河北省/秦皇岛市/抚宁区");
    }

    @Test
    void municipalityDistrictHangsUnderProvince() {
        Region dongcheng = DIR.find("110101").orElseThrow();
        assertThat(dongcheng.name()).isEqualTo("东城区");
        assertThat(dongcheng.parentCode()).isEqualTo("110000");
        assertThat(dongcheng.cityCode()).isNull();
        assertThat(codes(DIR.ancestors("110101"))).containsExactly("110000", "000000");
        assertThat(DIR.pathName("110101")).isEqualTo("北京市/东城区");
        // No 市辖区 placeholder survives.
        assertThat(DIR.contains("110100")).isFalse();
        assertThat(DIR.children("110000")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.level()).isEqualTo(RegionLevel.COUNTY));
    }

    @Test
    void provinceAdministeredCountyHangsUnderProvince() {
        Region jiyuan = DIR.find("419001").orElseThrow();
        assertThat(jiyuan.name()).isEqualTo("济源市");
        assertThat(jiyuan.parentCode()).isEqualTo("410000");
        assertThat(jiyuan.cityCode()).isNull();
        assertThat(DIR.contains("419000")).isFalse();
        assertThat(DIR.find("500106").orElseThrow().parentCode()).isEqualTo("500000");
    }

    @Test
    void cityWithoutCountiesKeepsNoPlaceholderArea() {
        Region dongguan = DIR.find("441900").orElseThrow();
        assertThat(dongguan.level()).isEqualTo(RegionLevel.CITY);
        assertThat(dongguan.name()).isEqualTo("东莞市");
        assertThat(DIR.countiesUnder("441900")).isEmpty();
        assertThat(DIR.find("460400").orElseThrow().level()).isEqualTo(RegionLevel.CITY);
        assertThat(DIR.find("442000").orElseThrow().level()).isEqualTo(RegionLevel.CITY);
    }

    @Test
    void functionalZoneUnderFuyang() {
        Region zone = DIR.find("341272").orElseThrow();
        assertThat(zone.isFunctionalZone()).isTrue();
        assertThat(zone.zoneType()).isEqualTo("functional_zone");
        assertThat(zone.level()).isEqualTo(RegionLevel.COUNTY);
        assertThat(zone.parentCode()).isEqualTo("341200");
        assertThat(DIR.find("341200")).get().extracting(Region::name).isEqualTo("阜阳市");
        assertThat(codes(DIR.children("341200"))).contains("341272");
        assertThat(codes(DIR.countiesUnder("340000"))).contains("341272");
    }

    /** Seed 000: 秦皇岛市总 guides 所辖9个县区、开发区、新区总工会, seven in GB/T 2260 and two NBS zones. */
    @Test
    void qinhuangdaoHasItsNineCountyLevelUnits() {
        assertThat(DIR.countiesUnder("130300")).extracting(Region::code, Region::name).containsExactly(
                tuple("130302", "海港区"), tuple("130303", "山海关区"), tuple("130304", "北戴河区"),
                tuple("130306", "抚宁区"), tuple("130321", "青龙满族自治县"), tuple("130322", "昌黎县"),
                tuple("130324", "卢龙县"), tuple("130371", "秦皇岛市经济技术开发区"), tuple("130372", "北戴河新区"));
    }

    /**
     * Seed 004: 十堰市总's cadres contact its 10个县(市、区)工会: the eight NBS units and the two zones the city runs
     * through its own offices (十堰经济技术开发区, 武当山旅游经济特区), which only the supplement codes.
     */
    @Test
    void shiyanHasItsTenCountyLevelUnits() {
        assertThat(DIR.countiesUnder("420300")).extracting(Region::code, Region::name).containsExactly(
                tuple("420302", "茅箭区"), tuple("420303", "张湾区"), tuple("420304", "郧阳区"),
                tuple("420322", "郧西县"), tuple("420323", "竹山县"), tuple("420324", "竹溪县"),
                tuple("420325", "房县"), tuple("420371", "十堰经济技术开发区"), tuple("420372", "武当山旅游经济特区"),
                tuple("420381", "丹江口市"));
        assertThat(DIR.countiesUnder("420300")).filteredOn(Region::isFunctionalZone).extracting(Region::code)
                .containsExactly("420371", "420372");
    }

    /** The zones the seed pages (and the supplement's sources) name as county-level units, under their cities. */
    @Test
    void zonesNamedAsCountyLevelUnitsHangUnderTheirCities() {
        assertThat(List.of("341272", "420371", "420372", "420671", "610171", "610871"))
                .extracting(code -> DIR.find(code).orElseThrow())
                .extracting(Region::name, Region::parentCode, Region::level, Region::isFunctionalZone)
                .containsExactly(
                        tuple("阜阳经济技术开发区", "341200", RegionLevel.COUNTY, true),
                        tuple("十堰经济技术开发区", "420300", RegionLevel.COUNTY, true),
                        tuple("武当山旅游经济特区", "420300", RegionLevel.COUNTY, true),
                        tuple("襄阳高新技术产业开发区", "420600", RegionLevel.COUNTY, true),
                        tuple("西安高新技术产业开发区", "610100", RegionLevel.COUNTY, true),
                        tuple("榆林高新技术产业开发区", "610800", RegionLevel.COUNTY, true));
        assertThat(DIR.pathName("420372")).isEqualTo("湖北省/十堰市/武当山旅游经济特区");
        // 榆林: twelve NBS units and 高新区 (seed 003); 定西: its seven counties (seed 004), no zone.
        assertThat(DIR.countiesUnder("610800")).hasSize(13);
        assertThat(DIR.countiesUnder("621100")).extracting(Region::name)
                .containsExactly("安定区", "通渭县", "陇西县", "渭源县", "临洮县", "漳县", "岷县");
    }

    @Test
    void countiesUnderQinhuangdao() {
        List<Region> counties = DIR.countiesUnder("130300");
        assertThat(codes(counties)).contains("130306", "130322").isSorted();
        assertThat(counties).allSatisfy(r -> {
            assertThat(r.level()).isEqualTo(RegionLevel.COUNTY);
            assertThat(r.cityCode()).isEqualTo("130300");
            assertThat(r.provinceCode()).isEqualTo("130000");
        });
        assertThat(DIR.countiesUnder("130306")).isEmpty();
    }

    @Test
    void countiesUnderProvinceIncludesRaggedAndCityCounties() {
        List<Region> henan = DIR.countiesUnder("410000");
        assertThat(codes(henan)).contains("419001").isSorted()
                .doesNotContain("410000", "410100");
        assertThat(henan).allSatisfy(r -> assertThat(r.provinceCode()).isEqualTo("410000"));
    }

    @Test
    void unknownCodeGivesEmptyResults() {
        assertThat(DIR.find("999999")).isEmpty();
        assertThat(DIR.find(null)).isEmpty();
        assertThat(DIR.contains("999999")).isFalse();
        assertThat(DIR.contains(null)).isFalse();
        assertThat(DIR.children("999999")).isEmpty();
        assertThat(DIR.ancestors("999999")).isEmpty();
        assertThat(DIR.countiesUnder("999999")).isEmpty();
        assertThatThrownBy(() -> DIR.pathName("999999")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void resultsAreImmutable() {
        assertThatThrownBy(() -> DIR.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DIR.children("130300").clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void regionLevelCodes() {
        assertThat(RegionLevel.COUNTY.code()).isEqualTo("county");
        assertThat(RegionLevel.fromCode("national")).isEqualTo(RegionLevel.NATIONAL);
        assertThat(RegionLevel.fromCode(" Province ")).isEqualTo(RegionLevel.PROVINCE);
        assertThatThrownBy(() -> RegionLevel.fromCode("town")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegionLevel.fromCode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(DIR);
        }
        RegionDirectory copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (RegionDirectory) in.readObject();
        }
        assertThat(copy.size()).isEqualTo(DIR.size());
        assertThat(copy.all()).isEqualTo(DIR.all());
        assertThat(copy.pathName("130306")).isEqualTo("河北省/秦皇岛市/抚宁区");
        assertThat(codes(copy.countiesUnder("130300"))).isEqualTo(codes(DIR.countiesUnder("130300")));
    }

    private static final String HEADER =
            "code,name,level,parent_code,province_code,city_code,zone_type,gbt2260_code,nbs_code,valid_from\n";

    @Test
    void loadsFromReaderWithEmptyFieldsAsNull() {
        String csv = HEADER
                + "000000,全国,national,,,,,,,2023-06-30\n"
                + "130000,河北省,province,000000,130000,,,130000,130000,2023-06-30\n"
                + "130300,秦皇岛市,city,130000,130000,130300,,130300,130300,2023-06-30\n"
                + "130371,秦皇岛市经济技术开发区,county,130300,130000,130300,functional_zone,,130371,2023-06-30\n"
                + "130306,抚宁区,county,130300,130000,130300,,130306,130306,2023-06-30\n";
        RegionDirectory dir = RegionDirectory.load(new StringReader(csv));
        assertThat(dir.size()).isEqualTo(5);
        assertThat(codes(dir.all())).containsExactly("000000", "130000", "130300", "130306", "130371");
        assertThat(dir.find("130000").orElseThrow().cityCode()).isNull();
        assertThat(dir.find("130306").orElseThrow().zoneType()).isNull();
        assertThat(dir.find("130371").orElseThrow().isFunctionalZone()).isTrue();
        assertThat(codes(dir.countiesUnder("130000"))).containsExactly("130306", "130371");
        assertThat(codes(dir.children("130300"))).containsExactly("130306", "130371");
    }

    @Test
    void rejectsMalformedData() {
        String root = "000000,全国,national,,,,,,,2023-06-30\n";
        assertThatThrownBy(() -> RegionDirectory.load(new StringReader(
                HEADER + root + "130300,秦皇岛市,city,130000,130000,130300,,130300,130300,2023-06-30\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown parent");
        assertThatThrownBy(() -> RegionDirectory.load(new StringReader(HEADER + root + root)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> RegionDirectory.load(new StringReader("code,name\n000000,全国\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks column");
        assertThatThrownBy(() -> RegionDirectory.load(new StringReader(
                HEADER + "000000,全国,planet,,,,,,,2023-06-30\n")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegionDirectory.load(new StringReader(HEADER)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("national root");
    }
}
