using Ttdn.Vietnamese.Text;

namespace Ttdn.Monitoring.Processing;

/// <summary>
/// Place names are also given names ("ông Nguyễn Văn Thái Nguyên", "anh Thái Nguyên", "Lê Thái Nguyên"). A match is
/// a person when it directly follows a personal title, or a capitalised family or middle name, or when it is
/// followed by a role or an age ("Thái Nguyên, giám đốc…", "Thái Nguyên (35 tuổi)"). A place word in front
/// ("tỉnh", "xã", "tại") settles it as a place.
/// </summary>
internal static class PersonNames
{
    private static readonly Words Titles = new(
        "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "cháu", "thầy", "cậu", "bé", "mr", "mrs", "ms", "miss", "dr");

    private static readonly Words NameParts = new(
        "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô", "dương",
        "lý", "đinh", "trịnh", "mai", "lưu", "tô", "tạ", "chu", "lương", "đoàn", "vương", "quách", "triệu", "thái",
        "văn", "thị", "hữu", "đức", "công", "quang", "ngọc", "xuân", "quốc", "thế", "đình", "trọng", "tuấn", "khắc", "mạnh");

    private static readonly Words PlaceWords = new(
        "tỉnh", "phố", "tp", "xã", "phường", "huyện", "trấn", "thị", "vùng", "tại", "ở", "đến", "từ", "về", "của", "và",
        "province", "city", "in", "of", "to", "from", "at", "visit", "and");

    private static readonly string[][] Roles = [.. new[]
    {
        "sinh năm", "tuổi", "giám đốc", "phó giám đốc", "trưởng phòng", "phó trưởng phòng", "sinh viên", "học sinh",
        "nhân viên", "phóng viên", "ca sĩ", "cầu thủ", "giáo viên", "bác sĩ", "kỹ sư", "chuyên viên", "trợ lý",
        "born", "aged", "director", "manager", "student", "reporter", "singer",
    }.Select(r => VietnameseText.FoldToWords(r).Split(' '))];

    public static bool LooksLikePerson(string text, TextWord[] words, int count, int first, int last)
    {
        if (first > 0)
        {
            var prev = words[first - 1];
            string spelled = AliasForm.SpellingKey(text[prev.Start..prev.End]);
            bool adjacent = MatchGap.IsSpace(text, prev.End, words[first].Start);
            if (adjacent && PlaceWords.Contains(spelled))
            {
                return false;
            }

            if (MatchGap.IsJoining(text, prev.End, words[first].Start) && Titles.Contains(spelled))
            {
                return true;
            }

            if (adjacent && char.IsUpper(text[prev.Start]) && NameParts.Contains(spelled))
            {
                return true;
            }
        }

        return last + 1 < count && FollowedByRole(text, words, count, last);
    }

    private static bool FollowedByRole(string text, TextWord[] words, int count, int last)
    {
        int gapStart = words[last].End;
        int gapEnd = words[last + 1].Start;
        if (gapEnd - gapStart > 3 || text.AsSpan(gapStart, gapEnd - gapStart).IndexOfAny(",(-–") < 0)
        {
            return false;
        }

        int next = last + 1;
        if (char.IsAsciiDigit(text[words[next].Start]) && next + 1 < count)
        {
            next++; // "(35 tuổi)"
        }

        foreach (string[] role in Roles)
        {
            if (next + role.Length > count)
            {
                continue;
            }

            bool all = true;
            for (int j = 0; j < role.Length && all; j++)
            {
                var w = words[next + j];
                all = FoldTable.FoldsTo(text.AsSpan(w.Start, w.End - w.Start), role[j]);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A word list compared with diacritics when the text has them ("bà" is a title, "ba" written with diacritics
    /// is "three") and folded when the text has none.
    /// </summary>
    private sealed class Words(params string[] spelled)
    {
        // Without diacritics "Thế"/"Tô"/"Đỗ" read as English or French words ("The Dien Bien Phu victory").
        private static readonly HashSet<string> Foreign = ["the", "to", "do", "le", "mai", "van", "ho", "ba", "em", "co"];

        private readonly HashSet<string> accented = [.. spelled];
        private readonly HashSet<string> plain = [.. spelled.Select(VietnameseText.FoldToWords).Where(w => !Foreign.Contains(w) || spelled.Contains(w))];

        public bool Contains(string spelledKey) =>
            VietnameseText.FoldToWords(spelledKey) is var f && f == spelledKey ? plain.Contains(f) : accented.Contains(spelledKey);
    }
}
