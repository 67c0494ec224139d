namespace AdaptiveMooc.Api.Xapi;

/// <summary>
/// An activity id of the platform: <c>&lt;base&gt;/courses/{c}/lessons/{l}[/items/{i}]</c>,
/// <c>&lt;base&gt;/courses/{c}/webinars/{w}</c> or <c>&lt;base&gt;/courses/{c}/forum/posts/{p}</c>.
/// </summary>
internal sealed record PlatformActivity(string CourseId, string? LessonId, string? ItemId)
{
    public static PlatformActivity? Parse(string baseUrl, string activityId)
    {
        var prefix = baseUrl + "/courses/";
        if (!activityId.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = activityId[prefix.Length..].Split('/');
        return parts switch
        {
            [var c, "lessons", var l] => new PlatformActivity(c, l, null),
            [var c, "lessons", var l, "items", var i] => new PlatformActivity(c, l, i),
            [var c, "webinars", _] => new PlatformActivity(c, null, null),
            [var c, "forum", "posts", _] => new PlatformActivity(c, null, null),
            _ => null,
        };
    }
}
