using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Pipeline.Batch;

namespace Pipeline.Tests.Batch;

/// <summary>The allocation ceiling, driven by counters the test sets: it collects once the process has allocated its
/// bytes since the last collection, counts from a collection the collector made itself, and does nothing at 0.</summary>
public class AllocationCeilingTests
{
    private long _allocated;
    private int _collections;
    private int _asked;

    private AllocationCeiling Ceiling(long bytes) => new(bytes, () => _allocated, () => _collections, () => { _asked++; _collections++; });

    [SetUp]
    public void SetUp() => (_allocated, _collections, _asked) = (1_000, 3, 0);

    [Test]
    public void CollectsOnceTheBytesAreAllocatedSinceTheLastCollection()
    {
        var ceiling = Ceiling(100);
        _allocated += 99;
        ceiling.Tick();
        Assert.That(_asked, Is.EqualTo(0));
        _allocated += 1;
        ceiling.Tick();
        Assert.That(_asked, Is.EqualTo(1));
        // Counted again from the collection it asked for.
        _allocated += 60;
        ceiling.Tick();
        Assert.That(_asked, Is.EqualTo(1));
        _allocated += 40;
        ceiling.Tick();
        Assert.Multiple(() =>
        {
            Assert.That(_asked, Is.EqualTo(2));
            Assert.That(ceiling.Collections, Is.EqualTo(2));
        });
    }

    [Test]
    public void CountsFromACollectionTheCollectorMadeItself()
    {
        var ceiling = Ceiling(100);
        _allocated += 90;
        _collections++;   // the collector's own budget ran out first
        _allocated += 50;
        ceiling.Tick();   // 140 bytes since the ceiling last looked, but a collection came between
        Assert.That(_asked, Is.EqualTo(0));
        _allocated += 99;
        ceiling.Tick();
        Assert.That(_asked, Is.EqualTo(0));
        _allocated += 1;
        ceiling.Tick();
        Assert.That(_asked, Is.EqualTo(1));
    }

    [Test]
    public void ZeroBytesIsNoCeiling()
    {
        var ceiling = Ceiling(0);
        _allocated += 1L << 40;
        ceiling.Tick();
        var items = Enumerable.Range(0, 1_000).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(_asked, Is.EqualTo(0));
            Assert.That(ceiling.Over(items), Is.SameAs(items));
        });
    }

    [Test]
    public void TicksEveryNItemsAsTheyGoBy()
    {
        var ceiling = Ceiling(100);
        IEnumerable<int> Allocating()
        {
            for (var i = 0; i < 10; i++)
            {
                _allocated += 30;
                yield return i;
            }
        }
        var seen = ceiling.Over(Allocating(), every: 2).ToList();
        // Ticks after items 2, 4, 6, 8 and 10 (60, 120, 180, 240, 300 bytes): collections at 120 and 240.
        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(Enumerable.Range(0, 10)));
            Assert.That(_asked, Is.EqualTo(2));
        });
    }
}
