using System.Globalization;
using System.Text;
using Pipeline.Recognition;

namespace Pipeline.Tests.Recognition;

/// <summary>One stable line per mention, for snapshots and failure messages.</summary>
internal static class MentionFormat
{
    public static string Line(Mention m)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{m.Span.Start}-{m.Span.End} {m.Kind.ToCode()} {m.Qualifier.ToSymbol()} ");
        sb.Append(Value(m.Value));
        if (m.RangeEnd is { } r) sb.Append(" .. ").Append(Value(r));
        if (m.EquivalentSpan is { } e) sb.Append(CultureInfo.InvariantCulture, $" equiv {e.Start}-{e.End}");
        if (m.IsPerShare) sb.Append(" per-share");
        sb.Append(" | ").Append(m.Text.Replace("\n", "\\n"));
        return sb.ToString();
    }

    public static string Value(Resolution r) => r switch
    {
        PeriodResolution p => $"{p.Period.Label} [{p.Period.ToIsoString()}]",
        NumericResolution n => $"{n.Value.ToString(CultureInfo.InvariantCulture)}{(n.UnitCode.Length > 0 ? " " + n.UnitCode : "")} (±{n.Precision.ToString(CultureInfo.InvariantCulture)})",
        _ => r.ToString() ?? "",
    };
}
