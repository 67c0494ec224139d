namespace AdaptiveMooc.Grains.Abstractions.Webinars;

public static class WebinarKeys
{
    public static string Webinar(string courseId, Guid webinarId) => $"{courseId}/{webinarId:D}";

    public static (string CourseId, Guid WebinarId) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.LastIndexOf('/');
        return (key[..slash], Guid.Parse(key.AsSpan(slash + 1)));
    }
}
