package org.unionstats.samples;

/** Word lists for plausible names of unions, enterprises and competitions. */
final class Names {

    private Names() {}

    static final String[] PLACES = {
        "城关", "东城", "西城", "南关", "北关", "新华", "建设", "人民", "解放", "和平", "朝阳", "向阳", "红旗", "胜利",
        "长安", "永安", "兴隆", "太平", "石门", "柳河", "杨庄", "李家", "王家", "张庄", "马坊", "河口", "平安", "龙泉",
        "白塔", "青山", "双桥", "三里", "五里", "东风", "前进", "南山", "北园", "西关", "东关", "大屯", "小营", "洋河",
        "留守营", "台营", "驻操营", "牛头崖", "杜庄", "榆关", "茶棚", "坨子头", "团林", "靖安", "泥井", "荒佃庄", "刘台庄",
        "碣石", "新集", "安山", "双望", "石各庄", "木井", "燕河营", "刘田各庄", "潘庄", "印庄", "官庄", "陈官屯", "蛤泊"
    };

    static final String[] TOWNSHIP_SUFFIX = {"镇", "镇", "乡", "街道", "街道"};

    static final String[] COMMUNITY_SUFFIX = {"社区", "社区", "村"};

    static final String[] BRANDS = {
        "宏达", "鑫源", "华盛", "恒通", "金桥", "盛世", "永兴", "昌盛", "瑞丰", "天元", "海诚", "中兴", "福源", "隆基",
        "正大", "润华", "兴业", "博远", "嘉禾", "东方", "长城", "燕山", "渤海", "冀东", "华北", "天成", "泰和", "新源",
        "祥瑞", "德丰", "远航", "通达", "汇通", "中联", "金石", "耀华", "港城", "碧海", "山海", "旭日", "宏君", "豹子头"
    };

    static final String[] TRADES = {
        "机械制造", "建材", "食品", "物流", "纺织", "电子科技", "化工", "建筑工程", "汽车零部件", "新能源", "医药",
        "服饰", "农业发展", "商贸", "玻璃", "钢铁", "港口服务", "旅游开发", "超滤设备", "包装", "热力", "环保科技",
        "农产品加工", "葡萄酒", "冷链", "电力设备", "软件"
    };

    static final String[] COMPANY_FORMS = {"有限公司", "有限公司", "有限责任公司", "股份有限公司", "集团有限公司"};

    static final String[] INSTITUTIONS = {
        "人民医院", "中医医院", "第一中学", "实验小学", "职业技术教育中心", "妇幼保健院", "疾病预防控制中心", "供电公司", "自来水公司",
        "公共交通公司", "邮政分公司"
    };

    static final String[] INDUSTRIES = {
        "快递行业", "建筑行业", "餐饮行业", "货车司机", "网约车行业", "外卖配送行业", "商贸流通", "家政服务业", "物业服务行业",
        "教育", "卫生健康", "交通运输", "园区企业"
    };

    static final String[] COMPETITION_THEMES = {
        "“建功十四五”", "“当好主力军”", "“安康杯”", "“工匠杯”", "“振兴杯”", "“巾帼建功”", "“五小”", "“降本增效”",
        "“重点工程”", "“乡村振兴”", "“数字赋能”", "“安全生产”"
    };

    static final String[] SKILLS = {
        "电工", "焊工", "钳工", "车工", "数控机床装调", "叉车司机", "快递员", "网约配送员", "养老护理员", "育婴员", "中式烹调师",
        "茶艺师", "汽车维修工", "电子商务师", "无人机驾驶", "安全员", "化学检验员", "起重工", "消防设施操作员", "保育员"
    };

    /** Short form of a region name for prefixes: 秦皇岛市 → 秦皇岛, 青龙满族自治县 → 青龙. */
    static String shortName(String regionName) {
        String n = regionName;
        for (String suffix : new String[] {"满族自治县", "回族自治县", "蒙古族自治县", "自治县", "自治州", "地区", "盟"}) {
            if (n.endsWith(suffix) && n.length() > suffix.length() + 1) {
                return n.substring(0, n.length() - suffix.length());
            }
        }
        if (n.length() > 2 && (n.endsWith("市") || n.endsWith("县") || n.endsWith("区") || n.endsWith("省") || n.endsWith("旗"))) {
            return n.substring(0, n.length() - 1);
        }
        return n;
    }

    /** 河北省 → 河北省总工会, 抚宁区 → 抚宁区总工会. */
    static String federation(String regionName) {
        return regionName + "总工会";
    }
}
