using System;
using System.Collections.Generic;
using System.Text;

namespace Pipeline.Text;

/// <summary>
/// Builds a stage's output text and its <see cref="OffsetMap"/> together: every piece of output is appended
/// with the input range it came from, so the map cannot drift from the text.
/// </summary>
public sealed class OffsetMapBuilder
{
    private readonly StringBuilder _text;
    private readonly List<OffsetMap.Segment> _segments = new();
    private int _inPos;

    public OffsetMapBuilder(int capacity = 256) => _text = new StringBuilder(capacity);

    /// <summary>How far into the input the builder has consumed.</summary>
    public int InputPosition => _inPos;

    /// <summary>Length of the output so far.</summary>
    public int Length => _text.Length;

    /// <summary>The last output character, or '\0' when nothing was written.</summary>
    public char LastChar => _text.Length == 0 ? '\0' : _text[^1];

    /// <summary>Copies input[InputPosition..+length) unchanged.</summary>
    public OffsetMapBuilder Copy(string input, int length)
    {
        if (length <= 0) return this;
        _text.Append(input, _inPos, length);
        AddSegment(length, length, exact: true);
        return this;
    }

    /// <summary>Copies input up to (not including) <paramref name="inputEnd"/> unchanged.</summary>
    public OffsetMapBuilder CopyTo(string input, int inputEnd) => Copy(input, inputEnd - _inPos);

    /// <summary>Writes <paramref name="replacement"/> in place of the next <paramref name="inputLength"/> input characters.
    /// A same-length replacement maps character for character (a width or script conversion).</summary>
    public OffsetMapBuilder Replace(int inputLength, ReadOnlySpan<char> replacement)
    {
        _text.Append(replacement);
        AddSegment(replacement.Length, inputLength, exact: replacement.Length == inputLength);
        return this;
    }

    /// <summary>Writes <paramref name="replacement"/> as one block standing for the next <paramref name="inputLength"/> characters.</summary>
    public OffsetMapBuilder ReplaceBlock(int inputLength, ReadOnlySpan<char> replacement)
    {
        _text.Append(replacement);
        AddSegment(replacement.Length, inputLength, exact: false);
        return this;
    }

    /// <summary>Drops the next <paramref name="inputLength"/> input characters.</summary>
    public OffsetMapBuilder Skip(int inputLength) => inputLength <= 0 ? this : ReplaceBlock(inputLength, ReadOnlySpan<char>.Empty);

    /// <summary>Drops input up to <paramref name="inputEnd"/>.</summary>
    public OffsetMapBuilder SkipTo(int inputEnd) => Skip(inputEnd - _inPos);

    /// <summary>Writes text that has no counterpart in the input (a paragraph break between blocks).</summary>
    public OffsetMapBuilder Insert(ReadOnlySpan<char> text) => text.IsEmpty ? this : ReplaceBlock(0, text);

    /// <summary>Moves the input position forward without output, when the input is not read in order (e.g. HTML
    /// tokens). Equivalent to <see cref="SkipTo"/>.</summary>
    public OffsetMapBuilder AdvanceTo(int inputEnd) => SkipTo(inputEnd);

    public StageText Build(int inputLength)
    {
        if (_inPos < inputLength) Skip(inputLength - _inPos);
        if (_inPos != inputLength)
            throw new InvalidOperationException($"Builder consumed {_inPos} characters of an input of {inputLength}.");
        var text = _text.ToString();
        return new StageText(text, new OffsetMap(_segments.ToArray(), text.Length, inputLength));
    }

    private void AddSegment(int outLength, int inLength, bool exact)
    {
        if (inLength < 0) throw new ArgumentOutOfRangeException(nameof(inLength));
        if (outLength == 0 && inLength == 0) return;
        var outStart = _text.Length - outLength;
        if (_segments.Count > 0)
        {
            var last = _segments[^1];
            // Merge runs of the same kind so the map stays small.
            if (exact && last.Exact)
            {
                _segments[^1] = last with { OutLength = last.OutLength + outLength, InLength = last.InLength + inLength };
                _inPos += inLength;
                return;
            }
            if (!exact && !last.Exact && outLength == 0 && last.OutLength == 0)
            {
                _segments[^1] = last with { InLength = last.InLength + inLength };
                _inPos += inLength;
                return;
            }
        }
        _segments.Add(new OffsetMap.Segment(outStart, _inPos, outLength, inLength, exact));
        _inPos += inLength;
    }
}
