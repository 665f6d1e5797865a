using System.Globalization;
using System.Text.RegularExpressions;

namespace Foremast.Core.Validation.Rules;

/// <summary>
/// EventBridge schedule expressions: <c>rate(5 minutes)</c> or <c>cron(0 12 * * ? *)</c> with AWS's six fields,
/// where one of day-of-month and day-of-week must be <c>?</c>.
/// </summary>
public static partial class ScheduleExpression
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly (string Name, int Min, int Max)[] Fields =
        [("minutes", 0, 59), ("hours", 0, 23), ("day-of-month", 1, 31), ("month", 1, 12), ("day-of-week", 1, 7), ("year", 1970, 2199)];

    /// <summary>Null when AWS would accept the expression; otherwise what is wrong with it.</summary>
    public static string? Problem(string expression)
    {
        if (Rate().Match(expression) is { Success: true } rate) return RateProblem(rate.Groups[1].Value, rate.Groups[2].Value);
        if (Cron().Match(expression) is { Success: true } cron) return CronProblem(cron.Groups[1].Value);
        return "expected \"rate(N unit)\" or \"cron(minutes hours day-of-month month day-of-week year)\"";
    }

    private static string? RateProblem(string value, string unit)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) return $"rate value must be a positive whole number, got \"{value}\"";
        var singular = unit.TrimEnd('s');
        if (singular is not ("minute" or "hour" or "day")) return $"rate unit must be minute(s), hour(s) or day(s), got \"{unit}\"";

        // AWS rejects "rate(1 minutes)" and "rate(5 minute)".
        var expected = n == 1 ? singular : singular + "s";
        return unit == expected ? null : $"rate({n} {unit}) must be written rate({n} {expected})";
    }

    private static string? CronProblem(string body)
    {
        var fields = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6) return $"cron() takes 6 fields (minutes hours day-of-month month day-of-week year), got {fields.Length}";
        for (var i = 0; i < 6; i++)
        {
            if (FieldProblem(i, fields[i]) is { } problem) return problem;
        }

        if ((fields[2] == "?") == (fields[4] == "?")) return "cron() needs \"?\" in exactly one of day-of-month and day-of-week";
        return null;
    }

    private static string? FieldProblem(int index, string field)
    {
        var (name, min, max) = Fields[index];
        foreach (var item in field.Split(','))
        {
            if (!ItemIsValid(index, item.ToUpperInvariant(), min, max)) return $"cron() {name} field \"{field}\" is not valid (values {min}-{max}{Extras(index)})";
        }

        return null;
    }

    private static string Extras(int index) => index switch
    {
        2 => ", * ? L W , - /",
        3 => " or JAN-DEC, * , - /",
        4 => " or SUN-SAT, * ? L # , -",
        _ => ", * , - /",
    };

    private static bool ItemIsValid(int index, string item, int min, int max)
    {
        if (item == "*") return true;
        if (item == "?") return index is 2 or 4;
        if (index == 2 && (item is "L" or "LW" || (item.EndsWith('W') && Value(item[..^1], index, min, max)))) return true;
        if (index == 4 && item.EndsWith('L') && (item.Length == 1 || Value(item[..^1], index, min, max))) return true;
        if (index == 4 && item.Split('#') is [var day, var nth]) return Value(day, index, min, max) && Value(nth, -1, 1, 5);

        var slash = item.Split('/');
        if (slash.Length > 2) return false;
        if (slash.Length == 2 && (index == 4 || !Value(slash[1], -1, 1, max))) return false;
        var range = slash[0];
        if (range == "*") return slash.Length == 2;
        var dash = range.Split('-');
        return dash.Length switch
        {
            1 => Value(dash[0], index, min, max),
            2 => Value(dash[0], index, min, max) && Value(dash[1], index, min, max),
            _ => false,
        };
    }

    private static bool Value(string text, int index, int min, int max)
    {
        if (index == 3 && Array.IndexOf(Months, text) >= 0) return true;
        if (index == 4 && Array.IndexOf(Days, text) >= 0) return true;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max;
    }

    [GeneratedRegex(@"^rate\(\s*([^\s)]+)\s+([a-z]+)\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Rate();

    [GeneratedRegex(@"^cron\(([^)]*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Cron();
}
