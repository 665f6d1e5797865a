namespace Foremast.Core.Plan;

/// <summary>
/// Foremast's <c>renumerate_stages</c>: mainline stages ("master") are numbered 1, 2, 3… and each depends on the one
/// before; a run of branch stages after mainline stage N is numbered N00, N01… and depends on N only.
/// Any other refId is left as it is.
/// </summary>
public static class StageNumbering
{
    public const string Master = "master";
    public const string Branch = "branch";

    /// <returns>Per input placeholder: the assigned refId and requisites, or null where the stage keeps its own.</returns>
    public static IReadOnlyList<(string RefId, string[] Requisites)?> Assign(IReadOnlyList<string?> placeholders)
    {
        var result = new (string, string[])?[placeholders.Count];
        var main = 0;
        var branch = 0;
        string? previous = "";
        for (var i = 0; i < placeholders.Count; i++)
        {
            var refId = placeholders[i];
            if (refId == Master)
            {
                var requisites = main == 0 ? Array.Empty<string>() : [main.ToString(System.Globalization.CultureInfo.InvariantCulture)];
                main++;
                result[i] = (main.ToString(System.Globalization.CultureInfo.InvariantCulture), requisites);
            }
            else if (refId == Branch)
            {
                branch = previous == Branch ? branch + 1 : 0;
                result[i] = ((main * 100 + branch).ToString(System.Globalization.CultureInfo.InvariantCulture), [main.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }

            previous = refId;
        }

        return result;
    }
}
