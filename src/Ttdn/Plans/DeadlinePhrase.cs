using System.Globalization;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Plans;

/// <summary>
/// Reads the deadline phrases of Vietnamese plans ("trước ngày 31/12/2022", "Quý II", "hằng tháng", "định kỳ", "thường xuyên", ...)
/// into a <see cref="Deadline"/>. Words are compared on their <see cref="VietnameseText.Fold"/> key, so diacritics, đ, case, NFC/NFD
/// and tone placement do not matter ("hằng tháng" = "hàng tháng" = "HANG THANG"). Pure: no clock, no database; never throws on odd
/// text.
/// <para>Decisions:</para>
/// <list type="bullet">
/// <item>"trước ngày X" is due ON X (inclusive): officials read "trước ngày 31/12/2022" as "by 31/12/2022". "trước" + a month,
/// quarter, half or year means before it starts ("trước tháng 6" → 31/05); "cuối", "chậm nhất", "đến hết" + one of them mean by its
/// end ("cuối tháng 2/2024" → Before 29/02/2024).</item>
/// <item>A date, month, quarter or half-year written without a year takes the first year of the plan period in which it lies wholly
/// inside the period (so it is never before periodStart): "Quý II" in a 2021–2025 programme → 2021; "Trước 30/6" in the award year
/// 01/07/2022–30/06/2023 → 30/06/2023. Failing that: a year in which it ends inside the period ("cuối năm" in that award year →
/// 31/12/2022), then one in which it starts inside it, then one overlapping it, then the period's first year.</item>
/// <item>Quý II/2023, tháng 6/2023, 6 tháng đầu năm, năm 2022, từ tháng 3 đến tháng 5/2023 are <see cref="DeadlineKind.Range"/>;
/// one named day is <see cref="DeadlineKind.Exact"/>.</item>
/// <item>"định kỳ" alone is <see cref="Recurrence.Periodic"/> (tracked quarterly); "định kỳ hằng tháng", "định kỳ 6 tháng" take the
/// stated frequency. "hằng tuần" is tracked monthly (the finest occurrence kept); "hằng ngày", "thường xuyên", "liên tục", "cả năm",
/// "quanh năm", "trong năm" are <see cref="DeadlineKind.Continuous"/>; "trong năm 2023" is continuous over 2023 within the period.</item>
/// <item>"trước ngày 15/7 hằng năm" → Recurring Yearly with DueDay 15 and DueMonth 7; "ngày 25 hằng tháng" → Monthly, DueDay 25.</item>
/// <item>"đột xuất" (ad hoc) gives no date: Kind None with its text kept.</item>
/// </list>
/// </summary>
public static class DeadlinePhrase
{
    /// <summary>
    /// Parses a deadline phrase written on its own (a "Thời hạn" cell). <see cref="Deadline.Text"/> is the input, trimmed. When the
    /// text holds several phrases the most specific wins (as in <see cref="FindIn"/>). Unrecognised text → Kind None with Text kept,
    /// so the caller can report it; null or blank → <see cref="Deadline.None"/>.
    /// </summary>
    public static Deadline Parse(string? text, DateOnly periodStart, DateOnly periodEnd)
    {
        CheckPeriod(periodStart, periodEnd);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Deadline.None;
        }

        string trimmed = text.Trim();
        Candidate? best = Best(new Scanner(trimmed, periodStart, periodEnd, inSentence: false).Scan());
        return best?.Value is { } value
            ? value with { Text = trimmed }
            : new Deadline(trimmed, DeadlineKind.None, null, null, Recurrence.None);
    }

    /// <summary>
    /// Finds the deadline phrase inside a duty's sentence; <see cref="Deadline.Text"/> is the phrase exactly as it appears there
    /// ("... báo cáo UBND tỉnh trước ngày 31/12/2022." → "trước ngày 31/12/2022"). When several appear the most specific wins: a day
    /// (Exact, Before) over a range (shorter first) over a recurrence with a due day over a plain recurrence over "định kỳ" over a
    /// continuous duty; ties go to the first. Inside a sentence, things that look like dates but are not deadlines are skipped: dates of
    /// cited documents ("Quyết định số 1347/QĐ-UBND ngày 29/4/2021"), anything ending before the period starts, a bare "năm 2022" or
    /// "giai đoạn 2021 - 2025" (names of plans and programmes) and anniversary pairs "(03/02/1930 - 03/02/2022)". Only "đột xuất" →
    /// Kind None with that text; nothing at all → <see cref="Deadline.None"/>.
    /// </summary>
    public static Deadline FindIn(string? sentence, DateOnly periodStart, DateOnly periodEnd)
    {
        CheckPeriod(periodStart, periodEnd);
        if (string.IsNullOrWhiteSpace(sentence))
        {
            return Deadline.None;
        }

        var scanner = new Scanner(sentence, periodStart, periodEnd, inSentence: true);
        Candidate? best = Best(scanner.Scan());
        return best?.Value is { } value ? value with { Text = scanner.TextOf(best) } : Deadline.None;
    }

    private static void CheckPeriod(DateOnly periodStart, DateOnly periodEnd)
    {
        if (periodEnd < periodStart)
        {
            throw new ArgumentOutOfRangeException(nameof(periodEnd), $"The period ends ({periodEnd:yyyy-MM-dd}) before it starts ({periodStart:yyyy-MM-dd}).");
        }
    }

    private static Candidate? Best(List<Candidate> candidates)
    {
        Candidate? best = null;
        int bestScore = int.MinValue;
        foreach (var c in candidates)
        {
            if (c.Value is null)
            {
                continue;
            }

            int score = Score(c.Value);
            if (score > bestScore)
            {
                (best, bestScore) = (c, score);
            }
        }

        return best;
    }

    // Higher = more specific.
    private static int Score(Deadline d) => d.Kind switch
    {
        DeadlineKind.Exact => 100,
        DeadlineKind.Before => 95,
        DeadlineKind.Range => (d.To!.Value.DayNumber - d.From!.Value.DayNumber + 1) switch
        {
            <= 1 => 100,
            <= 31 => 75,
            <= 92 => 70,
            <= 184 => 60,
            <= 366 => 50,
            _ => 40,
        },
        DeadlineKind.Recurring => (d.DueDay is null ? 0 : 40) + d.Recurrence switch
        {
            Recurrence.Monthly => 44,
            Recurrence.Quarterly => 43,
            Recurrence.HalfYearly => 42,
            Recurrence.Yearly => 41,
            _ => 30,
        },
        DeadlineKind.Continuous => 20,
        _ => 1,
    };

    private enum TokenKind { Word, Number, Symbol }

    /// <summary>Key: folded word, digits, or the symbol (all dashes → '-'). Value: the number (−1 when too long). Start/End: in the source.</summary>
    private readonly record struct Token(TokenKind Kind, string Key, int Value, int Start, int End);

    private enum UnitKind { Day, Month, Quarter, Half, Year }

    /// <summary>A date unit as written; Year null when the text gives none. Last: the last month or quarter of a list ("tháng 11, 12").</summary>
    private readonly record struct Unit(UnitKind Kind, int? Year, int Day = 0, int Month = 0, int Part = 0, int Last = 0)
    {
        /// <summary>The unit's first and last day in a given year; null when it does not exist then (29/2 in 2023).</summary>
        public (DateOnly Start, DateOnly End)? In(int year)
        {
            if (year is < 1 or > 9999)
            {
                return null;
            }

            switch (Kind)
            {
                case UnitKind.Day:
                    if (Day > DateTime.DaysInMonth(year, Month))
                    {
                        return null;
                    }

                    var d = new DateOnly(year, Month, Day);
                    return (d, d);
                case UnitKind.Month:
                    return Months(year, Month, Math.Max(Last, Month) - Month + 1);
                case UnitKind.Quarter:
                    return Months(year, (Part - 1) * 3 + 1, (Math.Max(Last, Part) - Part + 1) * 3);
                case UnitKind.Half:
                    return Months(year, (Part - 1) * 6 + 1, 6);
                default:
                    return Months(year, 1, 12);
            }
        }

        private static (DateOnly, DateOnly) Months(int year, int firstMonth, int count)
        {
            int lastMonth = firstMonth + count - 1;
            return (new DateOnly(year, firstMonth, 1), new DateOnly(year, lastMonth, DateTime.DaysInMonth(year, lastMonth)));
        }
    }

    /// <summary>A phrase found at tokens [First, End). Value null = recognised but not a deadline here (consumes its tokens).</summary>
    private sealed record Candidate(int First, int End, Deadline? Value);

    private enum Cycle { Daily, Weekly, Monthly, Quarterly, HalfYearly, Yearly }

    private sealed class Scanner
    {
        private readonly string _text;
        private readonly Token[] _t;
        private readonly DateOnly _ps;
        private readonly DateOnly _pe;
        private readonly bool _sentence;

        public Scanner(string text, DateOnly periodStart, DateOnly periodEnd, bool inSentence)
        {
            _text = text;
            _t = Tokenize(text);
            (_ps, _pe, _sentence) = (periodStart, periodEnd, inSentence);
        }

        public string TextOf(Candidate c) => _text[_t[c.First].Start.._t[c.End - 1].End];

        /// <summary>Left to right, the longest phrase at each position; recognised phrases do not overlap.</summary>
        public List<Candidate> Scan()
        {
            var found = new List<Candidate>();
            int i = 0;
            while (i < _t.Length)
            {
                Candidate? c = Longest(i);
                if (c is null)
                {
                    i++;
                    continue;
                }

                if (_sentence && c.Value is { Kind: DeadlineKind.Exact or DeadlineKind.Before or DeadlineKind.Range, To: { } to } && to < _ps)
                {
                    c = c with { Value = null }; // a date before the plan: a reference, not a deadline
                }

                found.Add(c);
                i = c.End;
            }

            return found;
        }

        private Candidate? Longest(int i)
        {
            Candidate? best = null;
            Consider(ref best, RecurringWithDueDay(i));
            Consider(ref best, Recurring(i));
            Consider(ref best, Prefixed(i));
            Consider(ref best, FromTo(i));
            Consider(ref best, YearSpan(i));
            Consider(ref best, BareUnit(i));
            Consider(ref best, Marker(i));
            return best;
        }

        private static void Consider(ref Candidate? best, Candidate? c)
        {
            if (c is not null && (best is null || c.End > best.End))
            {
                best = c;
            }
        }

        // ---- Patterns ----

        /// <summary>"trước ...", "chậm nhất ...", "đến (hết) ...", "cuối ...", "trong ...", "vào ...", "cả năm", "quanh năm".</summary>
        private Candidate? Prefixed(int i)
        {
            if (IsWord(i, "truoc"))
            {
                return BeforeUnit(i, i + 1);
            }

            if (IsWord(i, "cham", "nhat"))
            {
                int j = i + 2;
                if (IsWord(j, "la"))
                {
                    j++;
                }

                if (IsWord(j, "truoc"))
                {
                    return BeforeUnit(i, j + 1);
                }

                if (IsWord(j, "vao") || IsWord(j, "trong"))
                {
                    j++;
                }

                return ByEndOf(i, j, allowBareYear: true);
            }

            if (IsWord(i, "den"))
            {
                bool het = IsWord(i + 1, "het");
                int j = het ? i + 2 : i + 1;
                if (het && IsWord(j, "nam") && !IsNumber(j + 1))
                {
                    return EndOfInferredYear(i, j + 1);
                }

                // "đến năm 2030" names a strategy's horizon far more often than a duty's deadline.
                return ByEndOf(i, j, allowBareYear: het || !_sentence);
            }

            if (IsWord(i, "cuoi"))
            {
                if (IsWord(i + 1, "nam") && !IsNumber(i + 2))
                {
                    return EndOfInferredYear(i, i + 2);
                }

                if (TryUnit(i + 1, spelledDay: false, out var u, out int end) && u.Kind is UnitKind.Month or UnitKind.Quarter or UnitKind.Year
                    && Resolve(u) is { } span)
                {
                    return new Candidate(i, end, Before(span.End));
                }

                return null;
            }

            if (IsWord(i, "trong") || IsWord(i, "vao"))
            {
                bool trong = IsWord(i, "trong");
                int j = i + 1;
                if (trong && IsWord(j, "ca", "nam"))
                {
                    j++;
                }

                if (trong && IsWord(j, "nam"))
                {
                    return WholeYear(i, j + 1);
                }

                if (!TryUnit(j, spelledDay: true, out var u, out int end) || Resolve(u) is not { } span)
                {
                    return null;
                }

                // "vào năm 2022" in a sentence is as vague as a bare year.
                Deadline? d = u.Kind switch
                {
                    UnitKind.Day => Exact(span.Start),
                    UnitKind.Year when _sentence => null,
                    _ => Range(span.Start, span.End),
                };
                return new Candidate(i, end, d);
            }

            if (IsWord(i, "ca", "nam") || IsWord(i, "quanh", "nam"))
            {
                return WholeYear(i, i + 2);
            }

            return null;
        }

        /// <summary>"trước" at i, the unit from j: a day is due that day; a month/quarter/half/year the day before it starts.</summary>
        private Candidate? BeforeUnit(int i, int j)
        {
            if (!TryUnit(j, spelledDay: true, out var u, out int end) || Resolve(u) is not { } span)
            {
                return null;
            }

            return new Candidate(i, end, Before(u.Kind == UnitKind.Day ? span.Start : span.Start.AddDays(-1)));
        }

        /// <summary>Prefix at i, unit from j, due at the unit's end ("chậm nhất tháng 6", "đến hết quý II").</summary>
        private Candidate? ByEndOf(int i, int j, bool allowBareYear)
        {
            if (!TryUnit(j, spelledDay: true, out var u, out int end) || Resolve(u) is not { } span)
            {
                return null;
            }

            return u.Kind == UnitKind.Year && !allowBareYear ? new Candidate(i, end, null) : new Candidate(i, end, Before(span.End));
        }

        private Candidate? EndOfInferredYear(int i, int end)
            => Resolve(new Unit(UnitKind.Year, null)) is { } span ? new Candidate(i, end, Before(span.End)) : null;

        /// <summary>"cả năm", "trong năm" [+ year]: continuous over the period, or over that year within it.</summary>
        private Candidate WholeYear(int i, int j)
        {
            if (TryYear(j, fourDigitsOnly: true, out int year))
            {
                var from = new DateOnly(year, 1, 1);
                var to = new DateOnly(year, 12, 31);
                if (from < _ps)
                {
                    from = _ps;
                }

                if (to > _pe)
                {
                    to = _pe;
                }

                return from <= to
                    ? new Candidate(i, j + 1, Continuous(from, to))
                    : new Candidate(i, j + 1, Continuous(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)));
            }

            return new Candidate(i, j, Continuous(_ps, _pe));
        }

        /// <summary>"từ X đến (hết) Y", "X đến Y", "X - Y" for days, months, quarters, halves and years.</summary>
        private Candidate? FromTo(int i)
        {
            bool tu = IsWord(i, "tu");
            int j = tu ? i + 1 : i;
            if (!TryUnit(j, spelledDay: tu, out var a, out int k))
            {
                return null;
            }

            bool dash = false;
            if (IsWord(k, "den") || IsWord(k, "toi") || IsWord(k, "va"))
            {
                k++;
            }
            else if (IsSymbol(k, '-'))
            {
                (dash, k) = (true, k + 1);
            }
            else
            {
                return null;
            }

            if (IsWord(k, "het"))
            {
                k++;
            }

            if (!TryUnit(k, spelledDay: true, out var b, out int end) || ResolvePair(a, b) is not { } span)
            {
                return null;
            }

            // "(03/02/1930 - 03/02/2022)": an anniversary, not a duty's window.
            bool anniversary = _sentence && dash && !tu && a.Kind == UnitKind.Day;
            bool cited = _sentence && !tu && a.Kind is UnitKind.Day or UnitKind.Month && FollowsDocumentNumber(i);
            return new Candidate(i, end, anniversary || cited ? null : Range(span.Start, span.End));
        }

        /// <summary>"giai đoạn 2021 - 2025", "2021-2025", "năm 2021 đến năm 2025": a programme period (never a deadline in a sentence).</summary>
        private Candidate? YearSpan(int i)
        {
            int j = i;
            if (IsWord(j, "giai", "doan"))
            {
                j += 2;
            }

            if (IsWord(j, "nam"))
            {
                j++;
            }

            if (!TryYear(j, fourDigitsOnly: true, out int first))
            {
                return null;
            }

            j++;
            if (IsSymbol(j, '-') || IsWord(j, "den"))
            {
                j++;
            }
            else
            {
                return null;
            }

            if (IsWord(j, "nam"))
            {
                j++;
            }

            if (!TryYear(j, fourDigitsOnly: true, out int last) || last < first)
            {
                return null;
            }

            return new Candidate(i, j + 1, _sentence ? null : Range(new DateOnly(first, 1, 1), new DateOnly(last, 12, 31)));
        }

        /// <summary>A unit on its own: a day is Exact, anything longer a Range. In a sentence a bare year, and a day or month that follows a cited document's number, are not deadlines.</summary>
        private Candidate? BareUnit(int i)
        {
            Unit u;
            int end;
            if (!TryUnit(i, spelledDay: false, out u, out end))
            {
                // "06/2023" on its own (a Thời hạn cell) is a month; inside a sentence it is too ambiguous.
                if (_sentence || IsSymbol(i - 1, '/') || IsSymbol(i - 1, '-') || IsSymbol(i - 1, '.')
                    || !TryNumber(i, 2, out int m) || m is < 1 or > 12 || !IsSymbol(i + 1, '/')
                    || !TryYear(i + 2, fourDigitsOnly: true, out int y) || IsSymbol(i + 3, '/'))
                {
                    return null;
                }

                (u, end) = (new Unit(UnitKind.Month, y, Month: m), i + 3);
            }

            if (Resolve(u) is not { } span)
            {
                return null;
            }

            if (_sentence && (u.Kind == UnitKind.Year || (u.Kind is UnitKind.Day or UnitKind.Month && FollowsDocumentNumber(i))))
            {
                return new Candidate(i, end, null);
            }

            return new Candidate(i, end, u.Kind == UnitKind.Day ? Exact(span.Start) : Range(span.Start, span.End));
        }

        private Candidate? Marker(int i)
        {
            if (IsWord(i, "thuong", "xuyen") || IsWord(i, "lien", "tuc"))
            {
                return new Candidate(i, i + 2, Continuous(_ps, _pe));
            }

            if (IsWord(i, "dot", "xuat"))
            {
                return new Candidate(i, i + 2, new Deadline(null, DeadlineKind.None, null, null, Recurrence.None));
            }

            return null;
        }

        /// <summary>"định kỳ" [+ frequency], or a frequency ("hằng tháng", "6 tháng một lần") optionally followed by its due day.</summary>
        private Candidate? Recurring(int i)
        {
            if (IsWord(i, "dinh", "ky"))
            {
                int j = i + 2;
                Candidate? inner = RecurringWithDueDay(j);
                Consider(ref inner, CycleWithDueDay(j));
                if (inner?.Value is not null)
                {
                    return inner with { First = i };
                }

                // "định kỳ 6 tháng", "định kỳ 3 tháng một lần"
                if (TryCount(j, out int n) && IsWord(j + 1, "thang") && CycleOfMonths(n) is { } c)
                {
                    int end = j + 2;
                    if (TryOnce(end, out int afterOnce))
                    {
                        end = afterOnce;
                    }

                    return WithDueDayAfter(i, end, c);
                }

                return new Candidate(i, i + 2, RecurringOf(Recurrence.Periodic));
            }

            return CycleWithDueDay(i);
        }

        private Candidate? CycleWithDueDay(int i) => TryCycle(i, out var cycle, out int end) ? WithDueDayAfter(i, end, cycle) : null;

        /// <summary>The cycle's candidate, extended by a due day that follows: "hằng tháng, trước ngày 25", "hằng quý, trước ngày 20 của tháng cuối quý", "hằng năm trước ngày 15/7".</summary>
        private Candidate WithDueDayAfter(int i, int end, Cycle cycle)
        {
            var plain = new Candidate(i, end, FromCycle(cycle, null, null));
            if (cycle is Cycle.Daily or Cycle.Weekly)
            {
                return plain;
            }

            int k = end;
            if (IsSymbol(k, ',') || IsSymbol(k, ';') || IsSymbol(k, ':') || IsSymbol(k, '(') || IsSymbol(k, '-'))
            {
                k++;
            }

            k = SkipDuePrefix(k);
            if (!IsWord(k, "ngay") || !TryDayOfMonth(k + 1, out int day))
            {
                return plain;
            }

            k += 2;
            int? month = TryMonthAfterDay(k, out int afterMonth);
            if (month is not null)
            {
                k = afterMonth;
            }
            else if (IsSymbol(k, '/') || IsSymbol(k, '-') || IsSymbol(k, '.'))
            {
                return plain; // a full date ("25/12/2022"), not a day of each month
            }

            if ((cycle == Cycle.Yearly) != (month is not null) || (month is { } mm && day > DateTime.DaysInMonth(2024, mm)))
            {
                return plain;
            }

            // "(của) tháng cuối quý/kỳ/năm": the day is in the occurrence's last month, which is what DueDay means anyway.
            int t = IsWord(k, "cua") ? k + 1 : k;
            if (IsWord(t, "thang", "cuoi") && (IsWord(t + 2, "quy") || IsWord(t + 2, "qui") || IsWord(t + 2, "ky") || IsWord(t + 2, "nam")))
            {
                k = t + 3;
            }

            return new Candidate(i, k, FromCycle(cycle, day, month));
        }

        /// <summary>"(trước|vào|chậm nhất) ngày 25 hằng tháng", "trước ngày 15/7 hằng năm", "ngày 15 tháng 7 hằng năm".</summary>
        private Candidate? RecurringWithDueDay(int i)
        {
            int j = SkipDuePrefix(i);
            bool ngay = IsWord(j, "ngay");
            if (ngay)
            {
                j++;
            }

            if (!TryDayOfMonth(j, out int day))
            {
                return null;
            }

            j++;
            int? month = TryMonthAfterDay(j, out int afterMonth);
            if (month is not null)
            {
                j = afterMonth;
            }
            else if (!ngay || IsSymbol(j, '/') || IsSymbol(j, '-') || IsSymbol(j, '.'))
            {
                return null;
            }

            if (IsWord(j, "cua"))
            {
                j++;
            }

            if (!TryCycle(j, out var cycle, out int end) || cycle is Cycle.Daily or Cycle.Weekly)
            {
                return null;
            }

            if ((cycle == Cycle.Yearly) != (month is not null) || (month is { } m && day > DateTime.DaysInMonth(2024, m)))
            {
                return null;
            }

            return new Candidate(i, end, FromCycle(cycle, day, month));
        }

        private int SkipDuePrefix(int k)
        {
            if (IsWord(k, "truoc") || IsWord(k, "vao"))
            {
                return k + 1;
            }

            if (IsWord(k, "cham", "nhat"))
            {
                k += 2;
                if (IsWord(k, "la"))
                {
                    k++;
                }

                if (IsWord(k, "truoc") || IsWord(k, "vao"))
                {
                    k++;
                }
            }

            return k;
        }

        /// <summary>"/7", "-7", ".7" or "tháng 7" right after a day number.</summary>
        private int? TryMonthAfterDay(int k, out int after)
        {
            after = k;
            if ((IsSymbol(k, '/') || IsSymbol(k, '-') || IsSymbol(k, '.')) && TryNumber(k + 1, 2, out int m) && m is >= 1 and <= 12
                && !IsSymbol(k + 2, '/') && !IsSymbol(k + 2, '-') && !IsSymbol(k + 2, '.'))
            {
                after = k + 2;
                return m;
            }

            if (IsWord(k, "thang") && TryNumber(k + 1, 2, out m) && m is >= 1 and <= 12 && !IsWord(k + 2, "nam") && !IsSymbol(k + 2, '/'))
            {
                after = k + 2;
                return m;
            }

            return null;
        }

        /// <summary>
        /// A frequency: "hằng/hàng/mỗi tháng|quý|năm|tuần|ngày" (+ "một lần"), "hằng/mỗi 6 tháng", "6 tháng một lần", "6 tháng/lần",
        /// "quý một lần", "theo tháng|quý".
        /// </summary>
        private bool TryCycle(int i, out Cycle cycle, out int end)
        {
            cycle = default;
            end = i;
            if (IsWord(i, "hang") || IsWord(i, "moi"))
            {
                int j = i + 1;
                if (UnitCycle(j) is { } c && !IsNumber(j + 1))
                {
                    (cycle, end) = (c, j + 1);
                    if (TryOnce(end, out int afterOnce))
                    {
                        end = afterOnce;
                    }

                    return true;
                }

                if (TryCount(j, out int n) && IsWord(j + 1, "thang") && CycleOfMonths(n) is { } byMonths)
                {
                    (cycle, end) = (byMonths, j + 2);
                    if (TryOnce(end, out int afterOnce))
                    {
                        end = afterOnce;
                    }

                    return true;
                }

                return false;
            }

            if (IsWord(i, "theo") && (IsWord(i + 1, "thang") || IsWord(i + 1, "quy") || IsWord(i + 1, "qui")) && !IsNumber(i + 2))
            {
                (cycle, end) = (IsWord(i + 1, "thang") ? Cycle.Monthly : Cycle.Quarterly, i + 2);
                return true;
            }

            if (TryCount(i, out int count) && IsWord(i + 1, "thang") && CycleOfMonths(count) is { } every && TryOnce(i + 2, out int after))
            {
                (cycle, end) = (every, after);
                return true;
            }

            if ((IsWord(i, "thang") || IsWord(i, "quy") || IsWord(i, "qui") || IsWord(i, "nam")) && TryOnce(i + 1, out after))
            {
                (cycle, end) = (UnitCycle(i)!.Value, after);
                return true;
            }

            return false;
        }

        private Cycle? UnitCycle(int j) => j < _t.Length && _t[j].Kind == TokenKind.Word
            ? _t[j].Key switch
            {
                "thang" => Cycle.Monthly,
                "quy" or "qui" => Cycle.Quarterly,
                "nam" => Cycle.Yearly,
                "tuan" => Cycle.Weekly,
                "ngay" => Cycle.Daily,
                _ => null,
            }
            : null;

        private static Cycle? CycleOfMonths(int n) => n switch
        {
            1 => Cycle.Monthly,
            3 => Cycle.Quarterly,
            6 => Cycle.HalfYearly,
            12 => Cycle.Yearly,
            _ => null,
        };

        /// <summary>"một lần", "1 lần", "/lần".</summary>
        private bool TryOnce(int k, out int after)
        {
            after = k;
            if ((IsWord(k, "mot") || (TryNumber(k, 1, out int one) && one == 1) || IsSymbol(k, '/')) && IsWord(k + 1, "lan"))
            {
                after = k + 2;
                return true;
            }

            return false;
        }

        /// <summary>A small count in digits or words ("6", "sáu", "ba", "một").</summary>
        private bool TryCount(int k, out int n)
        {
            if (TryNumber(k, 2, out n))
            {
                return true;
            }

            n = k < _t.Length && _t[k].Kind == TokenKind.Word
                ? _t[k].Key switch { "mot" => 1, "ba" => 3, "sau" => 6, _ => 0 }
                : 0;
            return n > 0;
        }

        private Deadline FromCycle(Cycle cycle, int? dueDay, int? dueMonth) => cycle switch
        {
            Cycle.Daily => Continuous(_ps, _pe),
            Cycle.Weekly or Cycle.Monthly => RecurringOf(Recurrence.Monthly, dueDay),
            Cycle.Quarterly => RecurringOf(Recurrence.Quarterly, dueDay),
            Cycle.HalfYearly => RecurringOf(Recurrence.HalfYearly, dueDay),
            _ => RecurringOf(Recurrence.Yearly, dueDay, dueMonth),
        };

        // ---- Units ----

        /// <summary>The longest day, month, quarter, half-year or year unit at i.</summary>
        private bool TryUnit(int i, bool spelledDay, out Unit unit, out int end)
        {
            unit = default;
            end = -1;
            if (TryDay(i, spelledDay, out var u, out int e) && e > end)
            {
                (unit, end) = (u, e);
            }

            if (TryMonth(i, out u, out e) && e > end)
            {
                (unit, end) = (u, e);
            }

            if (TryQuarter(i, out u, out e) && e > end)
            {
                (unit, end) = (u, e);
            }

            if (TryHalf(i, out u, out e) && e > end)
            {
                (unit, end) = (u, e);
            }

            if (IsWord(i, "nam") && TryYear(i + 1, fourDigitsOnly: true, out int y) && i + 2 > end)
            {
                (unit, end) = (new Unit(UnitKind.Year, y), i + 2);
            }

            return end > 0;
        }

        /// <summary>
        /// "[ngày] 31/12/2022", "[ngày] 30/6", "15-3-2022", "15.3.2022" (dashes and dots need a year or "ngày"),
        /// "ngày 15 tháng 3 [năm 2022]" (also without "ngày" when <paramref name="spelledDay"/>, e.g. after "trước").
        /// </summary>
        private bool TryDay(int i, bool spelledDay, out Unit unit, out int end)
        {
            unit = default;
            end = i;
            int j = i;
            bool ngay = IsWord(j, "ngay");
            if (ngay)
            {
                j++;
            }

            if (!TryDayOfMonth(j, out int day))
            {
                return false;
            }

            j++;
            if (IsSymbol(j, '/') || IsSymbol(j, '-') || IsSymbol(j, '.'))
            {
                char sep = _t[j].Key[0];
                if (!TryNumber(j + 1, 2, out int month) || month is < 1 or > 12)
                {
                    return false;
                }

                int k = j + 2;
                int? year = null;
                if (IsSymbol(k, sep) && TryYear(k + 1, fourDigitsOnly: false, out int y))
                {
                    (year, k) = (y, k + 2);
                }
                else if (sep != '/' && !ngay)
                {
                    return false;
                }

                if (IsSymbol(k, sep) || !Fits(day, month, year))
                {
                    return false; // "15/3/2022/QĐ"-like symbols, or 31/4
                }

                (unit, end) = (new Unit(UnitKind.Day, year, day, month), k);
                return true;
            }

            if ((ngay || spelledDay) && IsWord(j, "thang") && TryNumber(j + 1, 2, out int m) && m is >= 1 and <= 12)
            {
                int k = j + 2;
                int? year = null;
                if (IsWord(k, "nam") && TryYear(k + 1, fourDigitsOnly: true, out int y))
                {
                    (year, k) = (y, k + 2);
                }
                else if (IsSymbol(k, '/') && TryYear(k + 1, fourDigitsOnly: false, out y))
                {
                    (year, k) = (y, k + 2);
                }

                if (!Fits(day, m, year))
                {
                    return false;
                }

                (unit, end) = (new Unit(UnitKind.Day, year, day, m), k);
                return true;
            }

            return false;
        }

        /// <summary>"tháng 6", "tháng 6/2023", "tháng 06-2023", "tháng 6 năm 2023".</summary>
        private bool TryMonth(int i, out Unit unit, out int end)
        {
            unit = default;
            end = i;
            if (!IsWord(i, "thang") || !TryNumber(i + 1, 2, out int month) || month is < 1 or > 12)
            {
                return false;
            }

            int last = ListEnd(i + 2, month, 12, out end);
            unit = new Unit(UnitKind.Month, null, Month: month, Last: last);
            if (TryYearSuffix(end, out int year, out int after))
            {
                (unit, end) = (unit with { Year = year }, after);
            }

            return true;
        }

        /// <summary>"Quý II", "quý 2", "Quý II/2023", "quý 2 năm 2023", "Quý III-2023".</summary>
        private bool TryQuarter(int i, out Unit unit, out int end)
        {
            unit = default;
            end = i;
            if (!(IsWord(i, "quy") || IsWord(i, "qui")) || i + 1 >= _t.Length)
            {
                return false;
            }

            var next = _t[i + 1];
            int quarter = next.Kind switch
            {
                TokenKind.Word => Roman(i + 1),
                TokenKind.Number when next.Key.Length == 1 && next.Value is >= 1 and <= 4 => next.Value,
                _ => 0,
            };
            if (quarter == 0)
            {
                return false;
            }

            int last = ListEnd(i + 2, quarter, 4, out end);
            unit = new Unit(UnitKind.Quarter, null, Part: quarter, Last: last);
            if (TryYearSuffix(end, out int year, out int after))
            {
                (unit, end) = (unit with { Year = year }, after);
            }

            return true;
        }

        /// <summary>
        /// A list continuing a month or quarter number: "tháng 11, 12/2022", "tháng 3 và 4", "Quý II, III". Only increasing numbers
        /// up to <paramref name="max"/>; returns the last one (the unit then spans from the first to it) and where the list ends.
        /// </summary>
        private int ListEnd(int k, int first, int max, out int end)
        {
            int last = first;
            end = k;
            while (IsSymbol(end, ',') || IsWord(end, "va"))
            {
                int next;
                if (IsNumber(end + 1))
                {
                    if (!TryNumber(end + 1, 2, out next))
                    {
                        break;
                    }
                }
                else
                {
                    next = max == 4 ? Roman(end + 1) : 0;
                }

                if (next <= last || next > max)
                {
                    break;
                }

                (last, end) = (next, end + 2);
            }

            return last;
        }

        private int Roman(int k) => k < _t.Length && _t[k].Kind == TokenKind.Word
            ? _t[k].Key switch { "i" => 1, "ii" => 2, "iii" => 3, "iv" => 4, _ => 0 }
            : 0;

        /// <summary>"6 tháng đầu năm", "sáu tháng cuối năm 2022", "nửa đầu năm".</summary>
        private bool TryHalf(int i, out Unit unit, out int end)
        {
            unit = default;
            end = i;
            int j;
            if ((TryNumber(i, 2, out int six) && six == 6) || IsWord(i, "sau"))
            {
                if (!IsWord(i + 1, "thang"))
                {
                    return false;
                }

                j = i + 2;
            }
            else if (IsWord(i, "nua"))
            {
                j = i + 1;
            }
            else
            {
                return false;
            }

            int part = IsWord(j, "dau") ? 1 : IsWord(j, "cuoi") ? 2 : 0;
            if (part == 0 || !IsWord(j + 1, "nam"))
            {
                return false;
            }

            (unit, end) = (new Unit(UnitKind.Half, null, Part: part), j + 2);
            if (TryYear(end, fourDigitsOnly: true, out int year))
            {
                (unit, end) = (unit with { Year = year }, end + 1);
            }

            return true;
        }

        /// <summary>"/2023", "-2023", " năm 2023" after a month or quarter.</summary>
        private bool TryYearSuffix(int k, out int year, out int after)
        {
            after = k;
            if ((IsSymbol(k, '/') && TryYear(k + 1, fourDigitsOnly: false, out year))
                || ((IsSymbol(k, '-') || IsWord(k, "nam")) && TryYear(k + 1, fourDigitsOnly: true, out year)))
            {
                after = k + 2;
                return true;
            }

            year = 0;
            return false;
        }

        private bool TryYear(int k, bool fourDigitsOnly, out int year)
        {
            year = 0;
            if (k >= _t.Length || _t[k].Kind != TokenKind.Number)
            {
                return false;
            }

            var tok = _t[k];
            if (tok.Key.Length == 4 && tok.Value is >= 1000 and <= 2999)
            {
                year = tok.Value;
                return true;
            }

            if (!fourDigitsOnly && tok.Key.Length == 2)
            {
                year = 2000 + tok.Value;
                return true;
            }

            return false;
        }

        private bool TryDayOfMonth(int k, out int day) => TryNumber(k, 2, out day) && day is >= 1 and <= 31;

        private static bool Fits(int day, int month, int? year) => day <= DateTime.DaysInMonth(year ?? 2024, month);

        // ---- Resolution ----

        /// <summary>The unit's dates; a missing year is inferred from the period (see the class remarks).</summary>
        private (DateOnly Start, DateOnly End)? Resolve(Unit u)
        {
            if (u.Year is { } year)
            {
                return u.In(year);
            }

            (DateOnly Start, DateOnly End)? inside = null, endsInside = null, startsInside = null, overlaps = null;
            for (int y = _ps.Year; y <= _pe.Year; y++)
            {
                if (u.In(y) is not { } s)
                {
                    continue;
                }

                bool startIn = s.Start >= _ps && s.Start <= _pe;
                bool endIn = s.End >= _ps && s.End <= _pe;
                if (startIn && endIn)
                {
                    inside = s;
                    break;
                }

                endsInside ??= endIn ? s : null;
                startsInside ??= startIn ? s : null;
                overlaps ??= s.End >= _ps && s.Start <= _pe ? s : null;
            }

            return inside ?? endsInside ?? startsInside ?? overlaps ?? u.In(_ps.Year);
        }

        /// <summary>"từ A đến B": a year written on one side applies to the other (from tháng 3 đến tháng 5/2023 → 03/2023).</summary>
        private (DateOnly Start, DateOnly End)? ResolvePair(Unit a, Unit b)
        {
            (DateOnly Start, DateOnly End)? sa, sb;
            if (a.Year is null && b.Year is { } yb)
            {
                sb = b.In(yb);
                sa = a.In(yb);
                if (sb is not null && (sa is null || sa.Value.Start > sb.Value.End))
                {
                    sa = a.In(yb - 1);
                }
            }
            else
            {
                sa = Resolve(a);
                if (sa is null)
                {
                    return null;
                }

                int ya = a.Year ?? sa.Value.Start.Year;
                sb = b.Year is { } explicitB ? b.In(explicitB) : b.In(ya);
                if (b.Year is null && (sb is null || sb.Value.End < sa.Value.Start))
                {
                    sb = b.In(ya + 1);
                }
            }

            if (sa is not { } from || sb is not { } to || from.Start > to.End)
            {
                return null;
            }

            return (from.Start, to.End);
        }

        /// <summary>Looking back a few tokens: "số 1347/QĐ-UBND ngày ...", "Kế hoạch số 12 ngày ...": the date of a cited document.</summary>
        private bool FollowsDocumentNumber(int i)
        {
            for (int k = Math.Max(0, i - 6); k < i; k++)
            {
                if ((IsSymbol(k, '/') && k + 1 < i && _t[k + 1].Kind == TokenKind.Word)
                    || (IsWord(k, "so") && k + 1 < i && _t[k + 1].Kind == TokenKind.Number))
                {
                    return true;
                }
            }

            return false;
        }

        // ---- Results ----

        private Deadline Before(DateOnly due) => new(null, DeadlineKind.Before, due < _ps ? due : _ps, due, Recurrence.None);

        private static Deadline Exact(DateOnly day) => new(null, DeadlineKind.Exact, day, day, Recurrence.None);

        private static Deadline Range(DateOnly from, DateOnly to) => new(null, DeadlineKind.Range, from, to, Recurrence.None);

        private static Deadline Continuous(DateOnly from, DateOnly to) => new(null, DeadlineKind.Continuous, from, to, Recurrence.None);

        private Deadline RecurringOf(Recurrence r, int? dueDay = null, int? dueMonth = null)
            => new(null, DeadlineKind.Recurring, _ps, _pe, r, dueDay, dueMonth);

        // ---- Tokens ----

        private bool IsWord(int k, string key) => k < _t.Length && _t[k].Kind == TokenKind.Word && _t[k].Key == key;

        private bool IsWord(int k, string first, string second) => IsWord(k, first) && IsWord(k + 1, second);

        private bool IsSymbol(int k, char c) => k >= 0 && k < _t.Length && _t[k].Kind == TokenKind.Symbol && _t[k].Key[0] == c;

        private bool IsNumber(int k) => k < _t.Length && _t[k].Kind == TokenKind.Number;

        private bool TryNumber(int k, int maxDigits, out int value)
        {
            value = 0;
            if (!IsNumber(k) || _t[k].Key.Length > maxDigits || _t[k].Value < 0)
            {
                return false;
            }

            value = _t[k].Value;
            return true;
        }

        /// <summary>
        /// Folded keys that are also other, unmarked words: "quy" (quy định, quy mô), "nam" (Việt Nam), "hang" (chùa Hang), "ngay"
        /// (ngay = at once), "thang" (thang điểm), "tu" (tu bổ), "lan" (Thái Lan), "dinh" (Dinh). When the text carries diacritics
        /// anywhere, such a word written without any is that other word, and matches none of our phrase words.
        /// </summary>
        private static readonly HashSet<string> AmbiguousWhenBare = ["quy", "qui", "nam", "hang", "ngay", "thang", "tu", "lan", "dinh"];

        /// <summary>Words (letters with their combining marks, so NFD stays whole), digit runs and single symbols; white space dropped.</summary>
        private static Token[] Tokenize(string s)
        {
            bool marked = false;
            foreach (char c in s)
            {
                if (c > '\u007F' && IsWordChar(c))
                {
                    marked = true;
                    break;
                }
            }

            var tokens = new List<Token>();
            int i = 0;
            while (i < s.Length)
            {
                char c = s[i];
                int start = i;
                if (IsWordChar(c))
                {
                    while (i < s.Length && IsWordChar(s[i]))
                    {
                        i++;
                    }

                    string word = s[start..i];
                    string key = VietnameseText.Fold(word);
                    if (marked && AmbiguousWhenBare.Contains(key) && IsAscii(word))
                    {
                        key = "~" + key;
                    }

                    tokens.Add(new Token(TokenKind.Word, key, 0, start, i));
                }
                else if (c is >= '0' and <= '9')
                {
                    while (i < s.Length && s[i] is >= '0' and <= '9')
                    {
                        i++;
                    }

                    string digits = s[start..i];
                    int value = digits.Length <= 9 ? int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) : -1;
                    tokens.Add(new Token(TokenKind.Number, digits, value, start, i));
                }
                else if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else
                {
                    char symbol = c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' ? '-' : c;
                    tokens.Add(new Token(TokenKind.Symbol, symbol.ToString(), 0, start, start + 1));
                    i++;
                }
            }

            return [.. tokens];
        }

        private static bool IsAscii(string word)
        {
            foreach (char c in word)
            {
                if (c > '\u007F')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsWordChar(char c) => char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) is
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }
}
