using System.Globalization;
using System.Xml.Linq;
using Foremast.Aws.Http;

namespace Foremast.Aws.AutoScaling;

/// <summary>A recurring capacity change of a group (SDK <c>ScheduledUpdateGroupAction</c>).</summary>
public sealed record ScheduledAction(string ScheduledActionName, string Recurrence, int? MinSize, int? MaxSize, int? DesiredCapacity)
{
    public static ScheduledAction Parse(XElement m) => new(
        m.Value("ScheduledActionName") ?? "", m.Value("Recurrence") ?? "", Int(m.Value("MinSize")), Int(m.Value("MaxSize")), Int(m.Value("DesiredCapacity")));

    private static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
