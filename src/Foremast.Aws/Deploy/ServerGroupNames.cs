using System.Globalization;
using System.Text.RegularExpressions;

namespace Foremast.Aws.Deploy;

/// <summary>Spinnaker's server group names for a cluster: <c>{app}-v000</c> … <c>{app}-v999</c>, then around again.</summary>
public static class ServerGroupNames
{
    public static string Format(string app, int sequence) => $"{app}-v{sequence:D3}";

    /// <summary>The sequence number of a group of this app's cluster, or null for any other name.</summary>
    public static int? Sequence(string app, string name)
    {
        var match = Regex.Match(name, "^" + Regex.Escape(app) + @"-v(\d{3})$", RegexOptions.CultureInvariant);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The next free name after the highest sequence in use (v000 for an empty cluster).</summary>
    public static string Next(string app, IEnumerable<string> existing)
    {
        var taken = existing.Select(n => Sequence(app, n)).OfType<int>().ToHashSet();
        var next = taken.Count == 0 ? 0 : (taken.Max() + 1) % 1000;
        while (taken.Contains(next) && taken.Count < 1000) next = (next + 1) % 1000;
        return Format(app, next);
    }
}
