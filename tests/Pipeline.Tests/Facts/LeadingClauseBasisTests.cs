using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NodaTime;
using NUnit.Framework;
using Pipeline.Documents;
using Pipeline.Facts;

namespace Pipeline.Tests.Facts;

/// <summary>A basis stated in a sentence's leading clause, which holds no figure of its own, qualifies the figures that
/// follow it (剔除汇兑损益，…; 超额配售权悉数行使后，…), but not a comparison base before a rise (由…增加至…).</summary>
public class LeadingClauseBasisTests
{
    private static readonly Lazy<ExtractionPipeline> Shared = new(() => ExtractionPipelineBuilder.CreateDefault().Build());

    private static IReadOnlyList<Claim> Claims(string text) =>
        Shared.Value.Process(new RawDocument("d", "d", Encoding.UTF8.GetBytes(text), DocumentFormat.Text,
            DocumentMetadata.Empty with { Published = new LocalDate(2025, 7, 19) })).Claims;

    [Test]
    public void An_over_allotment_clause_gives_the_new_total_its_basis_and_leaves_the_base_reported()
    {
        var claims = Claims("浙江白鹭智能控制股份有限公司（以下简称“白鹭智控”）发布公告。前述超额配售权悉数行使后，本次发行的H股由314,379,500股增加至361,536,400股。");
        var shares = claims.Where(c => c.Metric == "ipo.shares_offered").ToDictionary(c => c.Value.Value, c => c.Basis);
        Assert.That(shares.GetValueOrDefault(361_536_400m), Is.EqualTo("with-overallotment"), string.Join("; ", claims.Select(ClaimBinderTests.Row)));
        Assert.That(shares.GetValueOrDefault(314_379_500m, "missing"), Is.EqualTo(Bases.Reported), "the base before 增加至 is the deal without the option");
    }

    [Test]
    public void An_exchange_rate_clause_gives_the_growth_its_basis()
    {
        var claims = Claims("云帆网络（HK09899）公布2024年第四季度业绩。剔除汇兑损益，2024年第四季度净利润同比下降2.41%。");
        var growth = claims.Single(c => c.Metric == "net_profit_growth_pct");
        Assert.That(growth.Basis, Is.EqualTo("ex-fx"));
    }

    [Test]
    public void A_leading_clause_with_a_figure_of_its_own_qualifies_only_that_clause()
    {
        var claims = Claims("云帆网络（HK09899）公布2024年第四季度业绩。剔除汇兑损益后净利润增长5.2%，2024年第四季度收入同比增长3.1%。");
        Assert.That(claims.Single(c => c.Metric == "revenue_growth_pct").Basis, Is.EqualTo(Bases.Reported), string.Join("; ", claims.Select(ClaimBinderTests.Row)));
    }

    [Test]
    public void What_an_exclusion_leaves_out_names_the_basis_wherever_it_is_written()
    {
        var claims = Claims("云帆汽车（HK09866）公布第二季度业绩。剔除云帆M9召回预估成本的影响后，第二季度毛利率为18.7%；"
                            + "若不计长期资产减值，云帆汽车经营利润为9.6亿元。");
        Assert.That(claims.Single(c => c.Metric == "gross_margin_pct").Basis, Is.EqualTo("ex-recall"), string.Join("; ", claims.Select(ClaimBinderTests.Row)));
        Assert.That(claims.Single(c => c.Metric == "operating_profit").Basis, Is.EqualTo("ex-impairment"));
    }
}
