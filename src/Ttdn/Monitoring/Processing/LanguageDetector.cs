namespace Ttdn.Monitoring.Processing;

/// <summary>
/// Language of a text from its script and, for Latin text, from Vietnamese-only letters and frequent-word
/// profiles, so Vietnamese typed without diacritics ("tinh Thai Nguyen to chuc le hoi") is still "vi".
/// Returns "vi", "en", "fr", "zh", "ja", "ko", "lo", "th" or "und" (empty, too short or unsure). Looks at the first
/// <see cref="SampleChars"/> chars only.
/// </summary>
public static class LanguageDetector
{
    public const int SampleChars = 4000;

    private static readonly HashSet<ulong> Vietnamese = Hashes(
        "va cua cac nhung duoc trong cho voi la co khong nguoi mot da nay tinh nam ve tai de cung theo nhieu hoi to " +
        "chuc thuc hien ke hoach phat trien kinh te xa huyen thong tin ngay thang dan viet nhan can bo van hoa du lich " +
        "san pham dong ra vao khi sau tren duoi nuoc quoc gia ban hanh dao chinh quyen uy ubnd so nghiep doanh dau tu " +
        "cong tac tuyen truyen tang cuong nang cao hieu qua dia phuong lanh dao bao chi moi truong giao duc suc khoe " +
        "thi truong nguoi dan nhan dan hop dong bieu quan ly chi tiet cau dien tich nay nhu nen vi neu thi ma rat da " +
        "dang se dang bi boi tu den qua lai nua lam con hay chi cung luc gio sang chieu toi mua xuan he thu dong " +
        "le hoi che nong thon moi xay dung giao thong duong lao cai nghe an bac nam trung", ' ');

    private static readonly HashSet<ulong> English = Hashes(
        "the and of to in is a for on that with as by was are be this from at it an has have will province said which " +
        "were its their more not or but been after about also who can would into than other new people year years " +
        "government city local news we they he she his her our you all one two first there when what how", ' ');

    private static readonly HashSet<ulong> French = Hashes(
        "le la les de des et est un une du en que pour dans qui sur pas au avec par plus ce il elle sont ont ete " +
        "aux son sa ses nous vous leur cette comme mais ou donc", ' ');

    [ThreadStatic] private static Word[]? wordBuffer;
    [ThreadStatic] private static char[]? foldBuffer;

    public static string Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "und";
        }

        string sample = text.Length > SampleChars ? text[..SampleChars] : text;
        int han = 0, kana = 0, hangul = 0, lao = 0, thai = 0, latin = 0, vietnameseLetters = 0, frenchLetters = 0;
        foreach (char c in sample)
        {
            switch (c)
            {
                case >= 'A' and <= 'Z' or >= 'a' and <= 'z':
                    latin++;
                    break;
                case >= '\u00C0' and <= '\u024F' or >= '\u1E00' and <= '\u1EFF':
                    latin++;
                    if (IsVietnameseOnly(c))
                    {
                        vietnameseLetters++;
                    }
                    else if (c is 'ç' or 'Ç' or 'œ' or 'ë' or 'ï' or 'î' or 'û' or 'è' or 'È')
                    {
                        frenchLetters++;
                    }

                    break;
                case >= '\u3040' and <= '\u30FF':
                    kana++;
                    break;
                case >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF':
                    han++;
                    break;
                case >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F':
                    hangul++;
                    break;
                case >= '\u0E80' and <= '\u0EFF':
                    lao++;
                    break;
                case >= '\u0E00' and <= '\u0E7F':
                    thai++;
                    break;
            }
        }

        int asian = han + kana + hangul + lao + thai;
        if (asian >= 2 && asian * 2 >= latin / 3)
        {
            return hangul >= asian / 2 ? "ko"
                : kana > 0 && kana * 5 >= han ? "ja"
                : lao >= asian / 2 ? "lo"
                : thai >= asian / 2 ? "th"
                : han >= asian / 2 ? "zh"
                : "und";
        }

        return DetectLatin(sample, latin, vietnameseLetters, frenchLetters);
    }

    // Letters that occur in Vietnamese and (practically) nowhere else: ă ơ ư đ, the dot-below and hook-above vowels.
    private static bool IsVietnameseOnly(char c) =>
        c is 'ă' or 'Ă' or 'ơ' or 'Ơ' or 'ư' or 'Ư' or 'đ' or 'Đ' or 'ĩ' or 'Ĩ' or 'ũ' or 'Ũ' or >= '\u1EA0' and <= '\u1EF9';

    private static string DetectLatin(string sample, int latin, int vietnameseLetters, int frenchLetters)
    {
        if (latin < 6)
        {
            return "und";
        }

        var words = wordBuffer ??= new Word[256];
        var folded = foldBuffer ??= new char[4096];
        int count = WordScanner.Scan(sample, ref words, ref folded, out _);
        wordBuffer = words;
        foldBuffer = folded;
        if (count < 2)
        {
            return "und";
        }

        if (vietnameseLetters >= 2 && vietnameseLetters * 40 >= latin)
        {
            return "vi";
        }

        int vi = 0, en = 0, fr = 0;
        for (int i = 0; i < count; i++)
        {
            ulong h = words[i].Hash;
            vi += Vietnamese.Contains(h) ? 1 : 0;
            en += English.Contains(h) ? 1 : 0;
            fr += French.Contains(h) ? 1 : 0;
        }

        fr += frenchLetters;
        int best = Math.Max(vi, Math.Max(en, fr));
        if (best * 5 < count || best < 2)
        {
            return "und"; // too few known words to say (German, names, codes…)
        }

        return best == vi && vi > en && vi > fr ? "vi"
            : best == en && en > fr ? "en"
            : best == fr && fr > en ? "fr"
            : "und";
    }

    private static HashSet<ulong> Hashes(string words, char separator) =>
        [.. words.Split(separator, StringSplitOptions.RemoveEmptyEntries).Select(w => WordScanner.HashFolded(w))];
}
