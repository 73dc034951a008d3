namespace Pipeline.Recognition;

/// <summary>
/// The typed value of a mention. Numeric resolutions carry the value in base units (<c>8440 万元</c> → 84,400,000
/// CNY) and the written precision: the size of one unit in the last written digit, in the same base units
/// (<c>21.954 亿</c> → 100,000), which reconciliation uses to tell rounding from disagreement.
/// </summary>
public abstract record Resolution
{
    private protected Resolution() { }
}

/// <summary>A resolution with a magnitude: money, percentages, multiples, plain numbers. <see cref="Value"/> is
/// computed from each type's own positional value, so <c>money with { Amount = x }</c> can never leave it stale.</summary>
public abstract record NumericResolution : Resolution
{
    /// <summary>The magnitude in base units.</summary>
    public abstract decimal Value { get; }

    /// <summary>One unit of the last written digit, in base units (0 when unknown).</summary>
    public abstract decimal Precision { get; init; }

    /// <summary>Unit code used in the datasets: an ISO 4217 code, <c>%</c>, <c>pp</c>, <c>x</c>, <c>shares</c>, <c>count</c> or empty.</summary>
    public abstract string UnitCode { get; }
}

public sealed record Money(decimal Amount, Currency Currency, decimal Precision = 0m) : NumericResolution
{
    public override decimal Value => Amount;
    public override decimal Precision { get; init; } = Precision;
    public override string UnitCode => Currency.Code;
    public override string ToString() => $"{Amount} {Currency}";
}

/// <summary>A percentage as written: 3.3% is 3.3.</summary>
public sealed record Percentage(decimal Percent, decimal Precision = 0m) : NumericResolution
{
    public override decimal Value => Percent;
    public override decimal Precision { get; init; } = Precision;
    public override string UnitCode => "%";
    public override string ToString() => $"{Percent}%";
}

/// <summary>Percentage points (个百分点).</summary>
public sealed record PercentagePoints(decimal Points, decimal Precision = 0m) : NumericResolution
{
    public override decimal Value => Points;
    public override decimal Precision { get; init; } = Precision;
    public override string UnitCode => "pp";
    public override string ToString() => $"{Points}pp";
}

/// <summary>A multiple (倍): 1837 倍 is 1837.</summary>
public sealed record Multiple(decimal Times, decimal Precision = 0m) : NumericResolution
{
    public override decimal Value => Times;
    public override decimal Precision { get; init; } = Precision;
    public override string UnitCode => "x";
    public override string ToString() => $"{Times}x";
}

/// <summary>What a plain number counts, when the text says (股 → shares, 名/家/个 → count).</summary>
/// <summary>What a plain number counts: nothing said, things (家, 名), shares, time (两小时, 九年: <c>duration</c>) or a
/// place in an order (第零十: <c>ordinal</c>). Durations and ordinals are numbers, never figures for the binder.</summary>
public enum CountUnit { None, Count, Shares, Duration, Ordinal }

public sealed record Number(decimal Count, decimal Precision = 0m, CountUnit Unit = CountUnit.None) : NumericResolution
{
    public override decimal Value => Count;
    public override decimal Precision { get; init; } = Precision;
    public override string UnitCode => Unit switch { CountUnit.Shares => "shares", CountUnit.Count => "count", CountUnit.Duration => "duration", CountUnit.Ordinal => "ordinal", _ => "" };
    public override string ToString() => Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A date or a reporting period.</summary>
public sealed record PeriodResolution(ReportingPeriod Period) : Resolution
{
    public override string ToString() => Period.ToString();
}
