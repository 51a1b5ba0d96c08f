namespace Ttdn.Vietnamese.Calendar;

/// <summary>
/// The two astronomical quantities the lunisolar calendar needs: the instant of a new moon, from the method published in
/// Jean Meeus, "Astronomical Algorithms" (2nd ed., 1998), ch. 49 (error well under a minute), and the apparent longitude
/// of the sun (<see cref="SolarLongitude"/>), plus ΔT = TT − UT from the polynomial expressions published by
/// Espenak &amp; Meeus (NASA, 2006).
/// Julian dates (JD) are fractional days; the civil day with Julian day number N runs from JD N − 0.5 to N + 0.5 (UT).
/// </summary>
internal static class Astronomy
{
    private const double Rad = Math.PI / 180.0;

    /// <summary>Mean length of a synodic month, days.</summary>
    public const double SynodicMonth = 29.530588861;

    /// <summary>Julian ephemeris date (TT) of the first mean new moon of 2000 (lunation number k = 0, 6 Jan 2000).</summary>
    public const double NewMoonEpoch = 2451550.09766;

    /// <summary>Instant (JD, Universal Time) of the true new moon with lunation number <paramref name="k"/> (k = 0: 6 Jan 2000).</summary>
    public static double NewMoonUt(int k)
    {
        double jde = NewMoonJde(k);
        return jde - DeltaTSeconds(jde) / 86400.0;
    }

    /// <summary>Instant (JDE, Terrestrial Time) of the true new moon with lunation number k, Meeus ch. 49.</summary>
    public static double NewMoonJde(int k)
    {
        double t = k / 1236.85;
        double t2 = t * t, t3 = t2 * t, t4 = t3 * t;

        double jde = NewMoonEpoch + SynodicMonth * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;

        double e = 1.0 - 0.002516 * t - 0.0000074 * t2;
        double m = Rad * (2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);               // sun's mean anomaly
        double mp = Rad * (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4); // moon's mean anomaly
        double f = Rad * (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4); // moon's argument of latitude
        double om = Rad * (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);             // longitude of ascending node

        double c =
            -0.40720 * Math.Sin(mp)
            + 0.17241 * e * Math.Sin(m)
            + 0.01608 * Math.Sin(2 * mp)
            + 0.01039 * Math.Sin(2 * f)
            + 0.00739 * e * Math.Sin(mp - m)
            - 0.00514 * e * Math.Sin(mp + m)
            + 0.00208 * e * e * Math.Sin(2 * m)
            - 0.00111 * Math.Sin(mp - 2 * f)
            - 0.00057 * Math.Sin(mp + 2 * f)
            + 0.00056 * e * Math.Sin(2 * mp + m)
            - 0.00042 * Math.Sin(3 * mp)
            + 0.00042 * e * Math.Sin(m + 2 * f)
            + 0.00038 * e * Math.Sin(m - 2 * f)
            - 0.00024 * e * Math.Sin(2 * mp - m)
            - 0.00017 * Math.Sin(om)
            - 0.00007 * Math.Sin(mp + 2 * m)
            + 0.00004 * Math.Sin(2 * mp - 2 * f)
            + 0.00004 * Math.Sin(3 * m)
            + 0.00003 * Math.Sin(mp + m - 2 * f)
            + 0.00003 * Math.Sin(2 * mp + 2 * f)
            - 0.00003 * Math.Sin(mp + m + 2 * f)
            + 0.00003 * Math.Sin(mp - m + 2 * f)
            - 0.00002 * Math.Sin(mp - m - 2 * f)
            - 0.00002 * Math.Sin(3 * mp + m)
            + 0.00002 * Math.Sin(4 * mp);

        // Additional corrections from planetary arguments (degrees).
        double a =
            0.000325 * SinDeg(299.77 + 0.107408 * k - 0.009173 * t2)
            + 0.000165 * SinDeg(251.88 + 0.016321 * k)
            + 0.000164 * SinDeg(251.83 + 26.651886 * k)
            + 0.000126 * SinDeg(349.42 + 36.412478 * k)
            + 0.000110 * SinDeg(84.66 + 18.206239 * k)
            + 0.000062 * SinDeg(141.74 + 53.303771 * k)
            + 0.000060 * SinDeg(207.14 + 2.453732 * k)
            + 0.000056 * SinDeg(154.84 + 7.306860 * k)
            + 0.000047 * SinDeg(34.52 + 27.261239 * k)
            + 0.000042 * SinDeg(207.19 + 0.121824 * k)
            + 0.000040 * SinDeg(291.34 + 1.844379 * k)
            + 0.000037 * SinDeg(161.72 + 24.198154 * k)
            + 0.000035 * SinDeg(239.56 + 25.513099 * k)
            + 0.000023 * SinDeg(331.55 + 3.592518 * k);

        return jde + c + a;
    }

    /// <summary>Apparent geocentric longitude of the sun, degrees in [0, 360), at the instant <paramref name="jdUt"/> (JD, UT).</summary>
    public static double SunLongitude(double jdUt) => SolarLongitude.Apparent(jdUt + DeltaTSeconds(jdUt) / 86400.0);

    /// <summary>ΔT = TT − UT in seconds (Espenak &amp; Meeus polynomial expressions), for the instant <paramref name="jd"/>.</summary>
    public static double DeltaTSeconds(double jd)
    {
        double y = 2000.0 + (jd - 2451544.5) / 365.2425; // decimal year, close enough for ΔT
        double t;
        if (y < 1700)
        {
            double u = (y - 1820) / 100;
            return -20 + 32 * u * u;
        }
        if (y < 1800)
        {
            t = y - 1700;
            return 8.83 + 0.1603 * t - 0.0059285 * t * t + 0.00013336 * t * t * t - Math.Pow(t, 4) / 1174000;
        }
        if (y < 1860)
        {
            t = y - 1800;
            return 13.72 - 0.332447 * t + 0.0068612 * t * t + 0.0041116 * Math.Pow(t, 3) - 0.00037436 * Math.Pow(t, 4)
                   + 0.0000121272 * Math.Pow(t, 5) - 0.0000001699 * Math.Pow(t, 6) + 0.000000000875 * Math.Pow(t, 7);
        }
        if (y < 1900)
        {
            t = y - 1860;
            return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * Math.Pow(t, 3) - 0.0004473624 * Math.Pow(t, 4)
                   + Math.Pow(t, 5) / 233174;
        }
        if (y < 1920)
        {
            t = y - 1900;
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * Math.Pow(t, 3) - 0.000197 * Math.Pow(t, 4);
        }
        if (y < 1941)
        {
            t = y - 1920;
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * Math.Pow(t, 3);
        }
        if (y < 1961)
        {
            t = y - 1950;
            return 29.07 + 0.407 * t - t * t / 233 + Math.Pow(t, 3) / 2547;
        }
        if (y < 1986)
        {
            t = y - 1975;
            return 45.45 + 1.067 * t - t * t / 260 - Math.Pow(t, 3) / 718;
        }
        if (y < 2005)
        {
            t = y - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * Math.Pow(t, 3) + 0.000651814 * Math.Pow(t, 4)
                   + 0.00002373599 * Math.Pow(t, 5);
        }
        if (y < 2050)
        {
            t = y - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        double v = (y - 1820) / 100;
        return y < 2150 ? -20 + 32 * v * v - 0.5628 * (2150 - y) : -20 + 32 * v * v;
    }

    private static double SinDeg(double degrees) => Math.Sin(Rad * degrees);
}
