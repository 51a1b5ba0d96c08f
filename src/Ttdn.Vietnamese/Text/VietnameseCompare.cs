using System.Diagnostics.CodeAnalysis;

namespace Ttdn.Vietnamese.Text;

/// <summary>Comparers over Vietnamese text.</summary>
public static class VietnameseCompare
{
    /// <summary>
    /// Equality and hashing by <see cref="VietnameseText.Fold"/> ("Ủy ban nhân dân" = "UỶ BAN NHÂN DÂN" =
    /// "uy ban nhan dan"), for dictionaries and sets keyed by names. Ordering is the ordinal order of the folded
    /// keys (a stable total order consistent with equality, not a Vietnamese collation).
    /// Null equals "" here; <see cref="StringComparer.GetHashCode(string)"/> of null throws, as for any comparer.
    /// </summary>
    public static StringComparer Folded { get; } = new FoldedComparer();

    private sealed class FoldedComparer : StringComparer
    {
        public override int Compare(string? x, string? y) => VietnameseText.CompareFolded(x, y);

        public override bool Equals(string? x, string? y) => VietnameseText.EqualsFolded(x, y);

        public override int GetHashCode([DisallowNull] string obj)
        {
            ArgumentNullException.ThrowIfNull(obj);
            return VietnameseText.GetFoldedHashCode(obj);
        }
    }
}
