namespace Foremast.Core.Validation;

/// <summary>Suggests the closest known key for a misspelt one.</summary>
public static class DidYouMean
{
    public static string? Suggest(string unknown, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(unknown.ToLowerInvariant(), candidate.ToLowerInvariant());

            // A longer or shorter spelling of a known key ("max_instances" for "max_inst") is a near miss whatever its edit distance.
            if (IsAbbreviation(unknown, candidate) || IsAbbreviation(candidate, unknown)) distance = Math.Min(distance, 1);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // Allow roughly one edit per three characters, so "min_instances" finds "min_inst" but "foo" finds nothing.
        return best is not null && bestDistance <= Math.Max(2, Math.Max(unknown.Length, best.Length) / 3) ? best : null;
    }

    public static string UnknownKeyMessage(string key, IEnumerable<string> known)
    {
        var suggestion = Suggest(key, known);
        return suggestion is null
            ? $"unknown key \"{key}\" (ignored)"
            : $"unknown key \"{key}\" (ignored); did you mean \"{suggestion}\"?";
    }

    private static bool IsAbbreviation(string shorter, string longer) =>
        shorter.Length >= 4 && longer.Length > shorter.Length && longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase);

    /// <summary>Edit distance where swapping two neighbouring letters is one edit ("dsn" is one step from "dns").</summary>
    private static int Distance(string a, string b)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
