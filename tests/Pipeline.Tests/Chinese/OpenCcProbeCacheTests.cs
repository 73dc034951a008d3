using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Pipeline.Chinese;

namespace Pipeline.Tests.Chinese;

/// <summary>The probe of OpenCC kept between processes: read back exactly as probed, probed afresh when the kept file
/// is damaged or the installation differs, and not used at all when switched off.</summary>
[NonParallelizable]
public class OpenCcProbeCacheTests
{
    private string _dir = "";
    private string? _before;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "pipeline-cache-" + Guid.NewGuid().ToString("N"));
        _before = Environment.GetEnvironmentVariable("PIPELINE_CACHE");
        Environment.SetEnvironmentVariable("PIPELINE_CACHE", _dir);
    }

    [TearDown]
    public void TearDown()
    {
        Environment.SetEnvironmentVariable("PIPELINE_CACHE", _before);
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    [Test]
    public void A_kept_probe_is_what_probing_gives_and_a_damaged_one_is_probed_again()
    {
        var native = ChineseConverter.Open(ChineseProfile.HK2S).Native;
        var probed = ChineseConverter.ProbeNative(native);
        Assert.That(probed.Select(p => p.From), Does.Contain('國').And.Contain('灣'), "the probe finds Traditional characters");
        Assert.That(probed.Single(p => p.From == '國').To, Is.EqualTo("国"));

        var first = ChineseConverter.ProbedMappings(native, ChineseProfile.HK2S, overrides: true);
        var file = Directory.GetFiles(_dir, "opencc-probe-*.tsv").Single();
        Assert.That(first, Is.EqualTo(probed), "probed and kept");
        Assert.That(ChineseConverter.ProbedMappings(native, ChineseProfile.HK2S, overrides: true), Is.EqualTo(probed), "read back");

        // A file cut short, or one whose head names another installation, is not trusted.
        File.WriteAllText(file, File.ReadAllText(file)[..200] + "zz\tbroken\n");
        Assert.That(ChineseConverter.ProbedMappings(native, ChineseProfile.HK2S, overrides: true), Is.EqualTo(probed));
        Assert.That(File.ReadAllText(file), Does.Not.Contain("broken"), "probed again and kept again");
        var key = OpenCcProbeCache.Key(ChineseProfile.HK2S, overrides: true);
        Assert.That(key, Does.Contain("TSCharacters.ocd2"), "the data files' sizes and times are part of the key");
        Assert.That(OpenCcProbeCache.TryLoad(_dir, key.Replace("TSCharacters.ocd2", "TSCharacters.ocd2 ")), Is.Null,
            "another installation's key finds nothing");
    }

    [Test]
    public void Switched_off_nothing_is_written()
    {
        Environment.SetEnvironmentVariable("PIPELINE_CACHE", "off");
        var native = ChineseConverter.Open(ChineseProfile.T2S).Native;
        Assert.That(ChineseConverter.ProbedMappings(native, ChineseProfile.T2S, overrides: true), Is.EqualTo(ChineseConverter.ProbeNative(native)));
        Assert.That(Directory.Exists(_dir), Is.False);
        Assert.That(OpenCcProbeCache.Folder(), Is.Null);
    }
}
