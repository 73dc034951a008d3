using System.Linq;
using NUnit.Framework;
using Pipeline.Facts.Binding;

namespace Pipeline.Tests.Facts;

/// <summary>The binder's view of a sorted list answers as LINQ would over the same items.</summary>
public class SortedRangeTests
{
    private static readonly int[] Starts = [3, 8, 8, 15, 21, 40];

    [TestCase(0, 6)]
    [TestCase(2, 4)]
    [TestCase(5, 5)]
    [TestCase(6, 6)]
    public void Answers_as_linq_over_the_same_items(int from, int to)
    {
        var range = new SortedRange<int>(Starts, from, to);
        var items = Starts[from..to];
        Assert.Multiple(() =>
        {
            Assert.That(range.Count, Is.EqualTo(items.Length));
            Assert.That(range.Any(), Is.EqualTo(items.Any()));
            Assert.That(range.Any(x => x % 2 == 1), Is.EqualTo(items.Any(x => x % 2 == 1)));
            Assert.That(range.FirstOrDefault(), Is.EqualTo(items.FirstOrDefault()));
            Assert.That(range.FirstOrDefault(x => x > 8), Is.EqualTo(items.FirstOrDefault(x => x > 8)));
            Assert.That(range.LastOrDefault(), Is.EqualTo(items.LastOrDefault()));
            Assert.That(range.LastOrDefault(x => x < 20), Is.EqualTo(items.LastOrDefault(x => x < 20)));
            Assert.That(range.ToList(), Is.EqualTo(items));
            var walked = new System.Collections.Generic.List<int>();
            foreach (var x in range) walked.Add(x);
            Assert.That(walked, Is.EqualTo(items));
            Assert.That(range.Select(x => x * 2), Is.EqualTo(items.Select(x => x * 2)), "through LINQ's IEnumerable");
        });
    }
}
