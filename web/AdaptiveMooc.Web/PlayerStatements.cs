using System.Globalization;

namespace AdaptiveMooc.Web;

/// <summary>
/// The xAPI statements the lesson page's player sends (docs/CONTENT.md, "Player statements"): the video
/// profile's played, paused and seeked, ADL completed at the end, with the watched share (progress), the played
/// segments, the position and the length; and ADL experienced with the reading time. Built here, posted by the
/// web app's server with the learner's token.
/// </summary>
public static class PlayerStatements
{
    public const string VideoVerbs = "https://w3id.org/xapi/video/verbs/";
    public const string Extensions = "https://w3id.org/xapi/video/extensions/";
    public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    public const string Experienced = "http://adlnet.gov/expapi/verbs/experienced";

    /// <summary>What the page's script reports: played, paused, seeked or ended.</summary>
    public static readonly IReadOnlySet<string> Events = new HashSet<string>(StringComparer.Ordinal) { "played", "paused", "seeked", "ended" };

    /// <param name="watchedSeconds">Seconds actually played since the previous statement (its result.duration).</param>
    public static object Media(
        string publicBase, string learnerId, string courseId, string lessonId, string playerEvent,
        double time, double length, double progress, string segments, double watchedSeconds, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(publicBase);
        var verb = playerEvent == "ended" ? Completed : VideoVerbs + playerEvent;
        var result = new Dictionary<string, object>
        {
            ["extensions"] = new Dictionary<string, object>
            {
                [Extensions + "time"] = Math.Round(Math.Max(0, time), 3),
                [Extensions + "progress"] = Math.Round(Math.Clamp(progress, 0, 1), 3),
                [Extensions + "played-segments"] = segments,
            },
        };
        if (watchedSeconds >= 1)
        {
            result["duration"] = Duration(watchedSeconds);
        }

        return Statement(publicBase, learnerId, courseId, lessonId, verb, at, result,
            new Dictionary<string, object> { [Extensions + "length"] = Math.Round(Math.Max(0, length), 3) });
    }

    /// <summary>Reading time on a reading or tutorial lesson.</summary>
    public static object Reading(string publicBase, string learnerId, string courseId, string lessonId, TimeSpan spent, DateTimeOffset at) =>
        Statement(publicBase, learnerId, courseId, lessonId, Experienced, at,
            new Dictionary<string, object> { ["duration"] = Duration(spent.TotalSeconds) }, null);

    private static object Statement(
        string publicBase, string learnerId, string courseId, string lessonId, string verb, DateTimeOffset at,
        Dictionary<string, object> result, Dictionary<string, object>? contextExtensions)
    {
        var root = publicBase.TrimEnd('/');
        var statement = new Dictionary<string, object>
        {
            ["id"] = Guid.NewGuid(),
            ["actor"] = new { account = new { homePage = root, name = learnerId } },
            ["verb"] = new { id = verb },
            ["object"] = new { id = $"{root}/courses/{courseId}/lessons/{lessonId}" },
            ["result"] = result,
            ["timestamp"] = at.ToString("O", CultureInfo.InvariantCulture),
        };
        if (contextExtensions is not null)
        {
            statement["context"] = new { extensions = contextExtensions };
        }

        return statement;
    }

    private static string Duration(double seconds) =>
        "PT" + Math.Round(Math.Max(0, seconds), 1).ToString(CultureInfo.InvariantCulture) + "S";
}
