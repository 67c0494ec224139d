namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>Grain keys of the forum: one thread grain per (course, thread).</summary>
public static class ForumKeys
{
    public static string Thread(string courseId, Guid threadId) => $"{courseId}/{threadId:D}";

    public static (string CourseId, Guid ThreadId) ParseThread(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.LastIndexOf('/');
        return (key[..slash], Guid.Parse(key.AsSpan(slash + 1)));
    }
}
