using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.ML.Tests.KnowledgeTracing;

/// <summary>
/// A small synthetic answer log with learners of varying ability, items of varying difficulty on a
/// few skills, some multi-skill items and learning with practice: enough structure for the model to
/// beat chance, small enough to train in a second.
/// </summary>
internal static class SyntheticKt
{
    public static List<LearningEvent> Events(int learners, int answersPerLearner, int seed, string prefix = "learner")
    {
        // The items are the same whatever the seed, so learners drawn with different seeds share them.
        var world = new Random(1000);
        const int Skills = 6;
        const int Items = 60;
        var difficulty = Enumerable.Range(0, Items).Select(_ => world.NextDouble() * 3 - 1.5).ToArray();
        var random = new Random(seed);
        var itemSkills = Enumerable.Range(0, Items)
            .Select(i => i % 7 == 0 ? new[] { $"{i % Skills}", $"{(i + 1) % Skills}" } : new[] { $"{i % Skills}" })
            .ToArray();
        var events = new List<LearningEvent>();
        for (var l = 0; l < learners; l++)
        {
            var ability = random.NextDouble() * 2 - 1;
            var practice = new int[Skills];
            for (var t = 0; t < answersPerLearner; t++)
            {
                var item = random.Next(Items);
                var skills = itemSkills[item];
                var skill = int.Parse(skills[0], System.Globalization.CultureInfo.InvariantCulture);
                var logit = ability - difficulty[item] + 0.15 * practice[skill];
                var correct = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
                practice[skill]++;
                events.Add(new LearningEvent($"{prefix}{l}", "synthetic", null, $"item{item}", LearningVerb.Answered,
                    DateTimeOffset.UnixEpoch.AddMinutes(t), correct, correct ? 1 : 0, null, skills));
            }
        }
        return events;
    }
}
