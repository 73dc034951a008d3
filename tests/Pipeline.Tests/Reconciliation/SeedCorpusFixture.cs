using System.Collections.Generic;
using Pipeline.Recognition;
using Pipeline.Reconciliation;
using static Pipeline.Tests.Reconciliation.ObservationFactory;

namespace Pipeline.Tests.Reconciliation;

/// <summary>
/// Hand-made observations mirroring the figures of the four seed articles in <c>corpus/</c> (what the binder should
/// produce from them), including the articles' own slips. Quotes are the sentences as written (simplified).
/// </summary>
internal static class SeedCorpusFixture
{
    public const string Kexue = "中国科学报";      // 000
    public const string Meiri = "每日经济新闻";    // 001
    public const string Diyi = "第一财经";         // 002
    public const string Pengpai = "澎湃新闻";      // 003
    public const string Zhipu = "智谱";
    public const string MiniMax = "MiniMax";

    private const string D000 = "000_28dc8b5f3921747a";
    private const string D001 = "001_cc8ef550f79617c7";
    private const string D002 = "002_707d7d2eb6854162";
    private const string D003 = "003_18ea16754753d916";

    private const string Y2022 = "2022-01-01/2022-12-31";
    private const string Y2023 = "2023-01-01/2023-12-31";
    private const string Y2024 = "2024-01-01/2024-12-31";
    private const string H2024 = "2024-01-01/2024-06-30";
    private const string H2025 = "2025-01-01/2025-06-30";
    private const string M9_2024 = "2024-01-01/2024-09-30";
    private const string M9_2025 = "2025-01-01/2025-09-30";

    public static List<Observation> Build()
    {
        const Qualifier A = Qualifier.Approximate;
        const Qualifier Gt = Qualifier.GreaterThan;
        var q000Market = "市场数据显示，智谱首日上市开盘价 120 港元 / 股，较 116.2 港元的发行价上涨 3.3%，1 月 16 日收盘价 250 港元，市值达 1100 亿港元；MiniMax 首日上市开盘价 235.4 港元 / 股，较 165 港元的发行价上涨 42.7%，1 月 16 日收盘价 438 港元，市值达 1373 亿港元。";
        var q000Loss = "2022 年至 2025 年上半年，智谱累计亏损约 62.48 亿元人民币；2022 年至 2025 年第三季度，MiniMax 累计亏损约 13.2 亿美元（92.93 亿元人民币）。";
        var q000Rd = "智谱的招股书显示，2022 年至 2024 年研发投入分别为 8440 万元、5.289 亿元、21.954 亿元，2025 年上半年为 15.947 亿元，累计研发投入约 44 亿元，研发人员占比 74%";
        var q000MmRd = "MiniMax 最核心的支出，2024 年的研发投入约 1.89 亿美元（13.31 亿元人民币），2025 年前 9 个月的研发投入已达 1.8 亿美元（12.67 亿元人民币）。";
        var q000MmRev = "MiniMax 的招股书显示，2024 年收入同比增长 782%，约 3050 万美元（2.2 亿元人民币），同期净亏损约 4.65 亿美元（32.7 亿元人民币）。";
        var q001Close = "首日交易全程表现强势，最终收盘大涨 109.09%，股价报收于 345 港元 / 股，市值攀升至 1067 亿港元。";
        var q001Offer = "根据 MiniMax 此前公布的配发结果，假设绿鞋全额行使，此次全球发售约 3358 万股，最终以每股 165 港元的定价上限发行，募集资金总额约 55.4 亿港元。";
        var q001Zp = "截至 1 月 9 日收盘，智谱收盘价 158.6 港元，总市值 698.21 亿港元。";
        var q001Sub = "香港公开发售部分，MiniMax 获得 1837 倍超额认购，国际发售部分最终获得 37 倍认购，获得机构和散户的共同追捧。参与认购的机构超过 460 家，实际下单 190 亿美元（约合人民币 1327.0 亿元），剔除基石后国际发售获 79 倍左右超额认购";
        var q001ZpSub = "其香港公开发售部分获得约 1159.46 倍认购，国际发售部分亦获 15.28 倍认购。";
        var q001ZpLoss = "2022 年至 2024 年各年度，智谱分别录得净亏损 1.44 亿元、7.88 亿元和 29.58 亿元，2025 年上半年净亏损为 23.58 亿元";
        var q001MmLoss = "其于 2022 年、2023 年、2024 年以及截至 2024 年及 2025 年 9 月 30 日止九个月的年度 / 期间分别录得亏损 73.7 百万美元、269.2 百万美元、465.2 百万美元、304.3 百万美元及 512.0 百万美元";
        var q003Head = "MiniMax定价165港元，上市首日收盘涨幅超过一倍，成为当年港股开年以来表现最强的新股之一；智谱的公开认购倍数超过千倍，盘中股价一度超过130港元。";
        var q003ZpRd = "智谱研发开支从2022年的8440万元增长到2024年的21.95亿元";
        var q003MmRdA = "MiniMax的研发开支同样迅速放大，2023年为5436万美元，2024年为1.85亿美元，2025年前九个月为2.21亿美元。";
        var q003MmRdB = "2022年、2023年、2024年及2025年前三个季度，MiniMax的研发开支分别为1060万美元、7000万美元、1890万美元及1803万美元，总计研发投入约为1.2亿美元。";
        var q003Ratio = "最直观的对比是，MiniMax 2024年的研发投入约为当年收入的六倍。";
        var q003ZpLoss = "对应的结果是亏损持续扩大，2024年上半年净亏损约1亿元，2025年上半年进一步增至约1.9亿元";
        var q003Rev = "智谱2022年至2024年，分别实现营收5740万元、1.245亿元、3.124亿元";
        var q002Open = "发行价为每股116.20港元，以120港元/股的价格开盘，午后震荡走高，一度涨近16%。";
        var q002Rd = "据智谱招股书披露，公司2022-2024年研发费用累计超过44亿元。";
        var q001MmRatio = "研发开支占收入的百分比由 2023 年的 2000% 以上降至 2024 年的 619.1%，并进一步降至截至 2025 年前 9 个月的 337.4%。";

        return
        [
            // ---- 智谱: listing and market -------------------------------------------------------------------
            Amount(Kexue, Zhipu, "ipo.issue_price", "2026-01-08", "116.2", 1, "HKD", quote: q000Market, document: D000),
            Amount(Meiri, Zhipu, "ipo.issue_price", "2026-01-08", "116.20", 1, "HKD", quote: q001ZpSub, document: D001),
            Amount(Diyi, Zhipu, "ipo.issue_price", "2026-01-08", "116.20", 1, "HKD", quote: q002Open, document: D002),
            Amount(Kexue, Zhipu, "price.open", "2026-01-08", "120", 1, "HKD", quote: q000Market, document: D000),
            Amount(Diyi, Zhipu, "price.open", "2026-01-08", "120", 1, "HKD", quote: q002Open, document: D002),
            Amount(Kexue, Zhipu, "price.open_change_pct", "2026-01-08", "3.3", 1, "%", quote: q000Market, document: D000),
            Amount(Diyi, Zhipu, "price.intraday_change_pct", "2026-01-08", "16", 1, "%", A, quote: q002Open, document: D002),
            Amount(Pengpai, Zhipu, "price.intraday_high", "2026-01-08", "130", 1, "HKD", Gt, quote: q003Head, document: D003),
            Amount(Kexue, Zhipu, "price.close", "2026-01-16", "250", 1, "HKD", quote: q000Market, document: D000),
            Amount(Kexue, Zhipu, "market_cap", "2026-01-16", "1100", Yi, "HKD", quote: q000Market, document: D000),
            Amount(Meiri, Zhipu, "price.close", "2026-01-09", "158.6", 1, "HKD", quote: q001Zp, document: D001),
            Amount(Meiri, Zhipu, "market_cap", "2026-01-09", "698.21", Yi, "HKD", quote: q001Zp, document: D001),
            Amount(Meiri, Zhipu, "ipo.shares_offered", "2026-01-08", "3741.95", Wan, "shares", A, quote: "本次 IPO 共发行约 3741.95 万股 H 股。", document: D001),
            Amount(Meiri, Zhipu, "ipo.public_subscription", "2026-01-08", "1159.46", 1, "x", A, quote: q001ZpSub, document: D001),
            Amount(Pengpai, Zhipu, "ipo.public_subscription", "2026-01-08", "1000", 1, "x", Gt, quote: q003Head, document: D003),
            Amount(Meiri, Zhipu, "ipo.intl_subscription", "2026-01-08", "15.28", 1, "x", quote: q001ZpSub, document: D001),

            // ---- 智谱: financials --------------------------------------------------------------------------
            Amount(Kexue, Zhipu, "rd_expense", Y2022, "8440", Wan, "CNY", quote: q000Rd, document: D000),
            Amount(Pengpai, Zhipu, "rd_expense", Y2022, "8440", Wan, "CNY", quote: q003ZpRd, document: D003),
            Amount(Kexue, Zhipu, "rd_expense", Y2023, "5.289", Yi, "CNY", quote: q000Rd, document: D000),
            Amount(Kexue, Zhipu, "rd_expense", Y2024, "21.954", Yi, "CNY", quote: q000Rd, document: D000),
            Amount(Pengpai, Zhipu, "rd_expense", Y2024, "21.95", Yi, "CNY", quote: q003ZpRd, document: D003),
            Amount(Kexue, Zhipu, "rd_expense", H2025, "15.947", Yi, "CNY", quote: q000Rd, document: D000),
            Amount(Kexue, Zhipu, "cumulative_rd_expense", "2022-01-01/2025-06-30", "44", Yi, "CNY", A, quote: q000Rd, document: D000),
            Amount(Diyi, Zhipu, "cumulative_rd_expense", "2022-01-01/2024-12-31", "44", Yi, "CNY", Gt, quote: q002Rd, document: D002),
            Amount(Kexue, Zhipu, "gross_margin_pct", Y2022, "54.6", 1, "%", quote: q000Rd, document: D000),
            Amount(Kexue, Zhipu, "gross_margin_pct", Y2024, "56.3", 1, "%", quote: q000Rd, document: D000),
            Amount(Kexue, Zhipu, "cumulative_net_loss", "2022-01-01/2025-06-30", "62.48", Yi, "CNY", A, quote: q000Loss, document: D000),
            Amount(Meiri, Zhipu, "net_loss", Y2022, "1.44", Yi, "CNY", quote: q001ZpLoss, document: D001),
            Amount(Meiri, Zhipu, "net_loss", Y2023, "7.88", Yi, "CNY", quote: q001ZpLoss, document: D001),
            Amount(Meiri, Zhipu, "net_loss", Y2024, "29.58", Yi, "CNY", quote: q001ZpLoss, document: D001),
            Amount(Meiri, Zhipu, "net_loss", H2025, "23.58", Yi, "CNY", quote: q001ZpLoss, document: D001),
            Amount(Pengpai, Zhipu, "net_loss", H2025, "1.9", Yi, "CNY", A, quote: q003ZpLoss, document: D003),
            Amount(Pengpai, Zhipu, "net_loss", H2024, "1", Yi, "CNY", A, quote: q003ZpLoss, document: D003),
            Amount(Pengpai, Zhipu, "revenue", Y2022, "5740", Wan, "CNY", quote: q003Rev, document: D003),
            Amount(Pengpai, Zhipu, "revenue", Y2023, "1.245", Yi, "CNY", quote: q003Rev, document: D003),
            Amount(Pengpai, Zhipu, "revenue", Y2024, "3.124", Yi, "CNY", quote: q003Rev, document: D003),

            // ---- MiniMax: listing and market -----------------------------------------------------------------
            Amount(Kexue, MiniMax, "ipo.issue_price", "2026-01-09", "165", 1, "HKD", quote: q000Market, document: D000),
            Amount(Meiri, MiniMax, "ipo.issue_price", "2026-01-09", "165", 1, "HKD", quote: q001Offer, document: D001),
            Amount(Pengpai, MiniMax, "ipo.issue_price", "2026-01-09", "165", 1, "HKD", quote: q003Head, document: D003),
            Amount(Kexue, MiniMax, "price.open", "2026-01-09", "235.4", 1, "HKD", quote: q000Market, document: D000),
            Amount(Kexue, MiniMax, "price.open_change_pct", "2026-01-09", "42.7", 1, "%", quote: q000Market, document: D000),
            Amount(Kexue, MiniMax, "price.close", "2026-01-16", "438", 1, "HKD", quote: q000Market, document: D000),
            Amount(Kexue, MiniMax, "market_cap", "2026-01-16", "1373", Yi, "HKD", quote: q000Market, document: D000),
            Amount(Meiri, MiniMax, "price.close", "2026-01-09", "345", 1, "HKD", quote: q001Close, document: D001),
            Amount(Meiri, MiniMax, "price.close_change_pct", "2026-01-09", "109.09", 1, "%", quote: q001Close, document: D001),
            Amount(Pengpai, MiniMax, "price.close_change_pct", "2026-01-09", "1", 1, "x", Gt, quote: q003Head, document: D003),
            Amount(Meiri, MiniMax, "market_cap", "2026-01-09", "1067", Yi, "HKD", quote: q001Close, document: D001),
            Amount(Meiri, MiniMax, "ipo.shares_offered", "2026-01-09", "3358", Wan, "shares", A, quote: q001Offer, document: D001),
            Amount(Meiri, MiniMax, "ipo.gross_proceeds", "2026-01-09", "55.4", Yi, "HKD", A, quote: q001Offer, document: D001),
            Amount(Meiri, MiniMax, "ipo.public_subscription", "2026-01-09", "1837", 1, "x", quote: q001Sub, document: D001),
            Amount(Meiri, MiniMax, "ipo.intl_subscription", "2026-01-09", "37", 1, "x", quote: q001Sub, document: D001) with { Text = "37 倍" },
            Amount(Meiri, MiniMax, "ipo.intl_subscription", "2026-01-09", "79", 1, "x", A, quote: q001Sub, document: D001) with { Text = "79 倍" },
            Amount(Meiri, MiniMax, "ipo.cornerstone_amount", "2026-01-09", "27.23", Yi, "HKD", quote: "合计认购金额达 27.23 亿港元。", document: D001),
            Amount(Meiri, MiniMax, "ipo.intl_orders", "2026-01-09", "190", Yi, "USD", quote: q001Sub, equivalent: 1327.0m * Yi, equivalentUnit: "CNY", document: D001),

            // ---- MiniMax: financials ---------------------------------------------------------------------------
            Amount(Pengpai, MiniMax, "rd_expense", Y2022, "1060", Wan, "USD", quote: q003MmRdB, document: D003),
            Amount(Pengpai, MiniMax, "rd_expense", Y2023, "5436", Wan, "USD", quote: q003MmRdA, document: D003),
            Amount(Pengpai, MiniMax, "rd_expense", Y2023, "7000", Wan, "USD", quote: q003MmRdB, document: D003),
            Amount(Kexue, MiniMax, "rd_expense", Y2024, "1.89", Yi, "USD", A, quote: q000MmRd, equivalent: 13.31m * Yi, equivalentUnit: "CNY", document: D000),
            Amount(Pengpai, MiniMax, "rd_expense", Y2024, "1.85", Yi, "USD", quote: q003MmRdA, document: D003),
            Amount(Pengpai, MiniMax, "rd_expense", Y2024, "1890", Wan, "USD", quote: q003MmRdB, document: D003),
            Amount(Kexue, MiniMax, "rd_expense", M9_2025, "1.8", Yi, "USD", quote: q000MmRd, equivalent: 12.67m * Yi, equivalentUnit: "CNY", document: D000),
            Amount(Pengpai, MiniMax, "rd_expense", M9_2025, "2.21", Yi, "USD", quote: q003MmRdA, document: D003),
            Amount(Pengpai, MiniMax, "rd_expense", M9_2025, "1803", Wan, "USD", quote: q003MmRdB, document: D003),
            Amount(Pengpai, MiniMax, "cumulative_rd_expense", "2022-01-01/2025-09-30", "1.2", Yi, "USD", A, quote: q003MmRdB, document: D003),
            Amount(Kexue, MiniMax, "revenue", Y2024, "3050", Wan, "USD", A, quote: q000MmRev, equivalent: 2.2m * Yi, equivalentUnit: "CNY", document: D000),
            Amount(Kexue, MiniMax, "revenue_growth_pct", Y2024, "782", 1, "%", quote: q000MmRev, document: D000),
            Amount(Meiri, MiniMax, "rd_to_revenue_pct", Y2024, "619.1", 1, "%", quote: q001MmRatio, document: D001),
            Amount(Pengpai, MiniMax, "rd_to_revenue_pct", Y2024, "6", 1, "x", A, quote: q003Ratio, document: D003),
            Amount(Meiri, MiniMax, "rd_to_revenue_pct", M9_2025, "337.4", 1, "%", quote: q001MmRatio, document: D001),
            Amount(Kexue, MiniMax, "net_loss", Y2024, "4.65", Yi, "USD", A, quote: q000MmRev, equivalent: 32.7m * Yi, equivalentUnit: "CNY", document: D000),
            Amount(Meiri, MiniMax, "net_loss", Y2022, "73.7", Million, "USD", quote: q001MmLoss, document: D001),
            Amount(Meiri, MiniMax, "net_loss", Y2023, "269.2", Million, "USD", quote: q001MmLoss, document: D001),
            Amount(Meiri, MiniMax, "net_loss", Y2024, "465.2", Million, "USD", quote: q001MmLoss, document: D001),
            Amount(Meiri, MiniMax, "net_loss", M9_2024, "304.3", Million, "USD", quote: q001MmLoss, document: D001),
            Amount(Meiri, MiniMax, "net_loss", M9_2025, "512.0", Million, "USD", quote: q001MmLoss, document: D001),
            Amount(Kexue, MiniMax, "cumulative_net_loss", "2022-01-01/2025-09-30", "13.2", Yi, "USD", A, quote: q000Loss, equivalent: 92.93m * Yi, equivalentUnit: "CNY", document: D000),
            Amount(Meiri, MiniMax, "paying_users", Y2024, "65.03", Wan, "count", A, quote: "付费用户数从 2023 年的约 11.97 万名增长至 2024 年的约 65.03 万名", document: D001),
        ];
    }
}
