namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>
/// How a course's learners are spread over its analytics shards. The hash is FNV-1a over the id's
/// UTF-16 code units, not <see cref="string.GetHashCode()"/>, because the shard of a learner must be
/// the same in every process and after every restart.
/// </summary>
public static class AnalyticsShards
{
    public const int Count = 8;

    public static int Of(string learnerId)
    {
        ArgumentNullException.ThrowIfNull(learnerId);
        var hash = 2166136261u;
        foreach (var c in learnerId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }

    public static string Key(string courseId, int shard) => $"{courseId}/{shard}";

    public static string KeyOf(string courseId, string learnerId) => Key(courseId, Of(learnerId));
}
