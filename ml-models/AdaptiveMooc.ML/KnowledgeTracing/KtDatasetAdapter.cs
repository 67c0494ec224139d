using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>
/// Turns knowledge-tracing records into the platform's <see cref="LearningEvent"/>s, so the datasets go
/// through the same feature code as live statements. It never computes a feature itself.
/// </summary>
public static class KtDatasetAdapter
{
    /// <summary>Prefix of item ids made from a skill when the file has no problem ids.</summary>
    public const string SkillItemPrefix = "skill:";

    /// <summary>Prefix of item ids made from a problem id.</summary>
    public const string ProblemItemPrefix = "problem:";

    /// <summary>
    /// One Answered event per interaction. For <see cref="KtFormat.Akt"/>, consecutive rows of the same
    /// problem are one interaction (skills = union in order of appearance, answer = the first row's),
    /// because the file repeats a multi-skill problem once per skill and scoring those repeats would
    /// leak the answer. 3-line formats keep rows as stored, with the skill standing in for the item.
    /// </summary>
    /// <param name="records">Records of one file.</param>
    /// <param name="format">The file's layout.</param>
    /// <param name="source">A name for the file, unique among those read together: learner ids are
    /// source + record position, so two files never merge their students by accident.</param>
    public static IEnumerable<LearningEvent> ToEvents(IEnumerable<KtRecord> records, KtFormat format, string source)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            var learner = record.User is null ? $"{source}#{record.Index}" : $"{source}#{record.Index}:{record.User}";
            var position = 0;
            if (format == KtFormat.Akt && record.ProblemIds is { } problems)
            {
                var row = 0;
                while (row < problems.Count)
                {
                    var skills = new List<string>();
                    var end = row;
                    while (end < problems.Count && problems[end] == problems[row])
                    {
                        if (!skills.Contains(record.SkillIds[end])) skills.Add(record.SkillIds[end]);
                        end++;
                    }
                    yield return Answered(learner, source, ProblemItemPrefix + problems[row], skills, record.Correct[row], position++);
                    row = end;
                }
            }
            else
            {
                for (var row = 0; row < record.SkillIds.Count; row++)
                {
                    var skill = record.SkillIds[row];
                    yield return Answered(learner, source, SkillItemPrefix + skill, [skill], record.Correct[row], position++);
                }
            }
        }
    }

    /// <summary>Reads files and adapts them; each file's name (without folder) is its source.</summary>
    public static IEnumerable<LearningEvent> ReadEvents(IEnumerable<string> paths, KtFormat format)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            foreach (var evt in ToEvents(KtFileReader.ReadFile(path, format), format, Path.GetFileName(path)))
            {
                yield return evt;
            }
        }
    }

    // The files keep order only; timestamps one second apart preserve it for code that sorts by time.
    private static LearningEvent Answered(string learner, string source, string item, IReadOnlyList<string> skills, bool correct, int position) =>
        new(learner, source, null, item, LearningVerb.Answered, DateTimeOffset.UnixEpoch.AddSeconds(position), correct, correct ? 1.0 : 0.0, null, skills);
}
