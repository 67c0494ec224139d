using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.KnowledgeTracing;

namespace AdaptiveMooc.ML.Tests.KnowledgeTracing;

/// <summary>
/// The features a learner grain computes online (state persisted as JSON between events, events of
/// many learners interleaved) must equal those the trainer computes in batch, and those a naive
/// recomputation from the learner's earlier answers gives.
/// </summary>
public sealed class OnlineBatchFeatureTests
{
    [Fact]
    public void Online_event_by_event_features_equal_batch_features()
    {
        var events = SyntheticKt.Events(8, 25, seed: 21);
        var learners = KnowledgeTracingTrainer.GroupByLearner(events);
        var priors = KnowledgeTracingTrainer.FitPriors(KnowledgeTracingTrainer.GroupByLearner(SyntheticKt.Events(40, 25, seed: 22)));
        var batch = KnowledgeTracingTrainer.BuildRows(learners, priors, outOfFold: false);

        // Online: round-robin over learners, the state only ever kept as JSON between two events.
        var stored = new Dictionary<string, string>();
        var online = new Dictionary<string, List<float[]>>();
        var queues = events.GroupBy(e => e.LearnerId).Select(g => new Queue<LearningEvent>(g)).ToList();
        while (queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                var evt = queue.Dequeue();
                var state = stored.TryGetValue(evt.LearnerId, out var json) ? LearnerKnowledgeState.FromJson(json) : new LearnerKnowledgeState();
                if (state.Attempts > 0)
                {
                    if (!online.TryGetValue(evt.LearnerId, out var rows)) online[evt.LearnerId] = rows = [];
                    rows.Add(KtFeatures.Compute(state, priors, evt.Skills, evt.ItemId));
                }
                state.Apply(evt, priors);
                stored[evt.LearnerId] = state.ToJson();
            }
        }

        var onlineInBatchOrder = learners.SelectMany(l => online[l.Id]).ToList();
        Assert.Equal(batch.Count, onlineInBatchOrder.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.Equal(batch[i].Features, onlineInBatchOrder[i]);
        }
    }

    [Fact]
    public void Count_features_equal_a_naive_recomputation_from_earlier_answers()
    {
        var events = SyntheticKt.Events(1, 60, seed: 9);
        var priors = KtPriors.ColdStart();
        var state = new LearnerKnowledgeState();
        var names = KtFeatures.Names.ToList();
        for (var t = 0; t < events.Count; t++)
        {
            var target = events[t];
            var f = KtFeatures.Compute(state, priors, target.Skills, target.ItemId);
            var earlier = events.Take(t).ToList();
            var skill = target.Skills;

            Assert.Equal(t, f[names.IndexOf("attempts")]);
            Assert.Equal((float)((earlier.Count(e => e.Success == true) + 2 * 0.5) / (t + 2.0)), f[names.IndexOf("rate")]);
            Assert.Equal((float)(skill.Sum(s => earlier.Count(e => e.Skills.Contains(s))) / (double)skill.Count), f[names.IndexOf("skillAttempts")]);
            Assert.Equal((float)(skill.Sum(s => earlier.Count(e => e.Skills.Contains(s) && e.Success == true)) / (double)skill.Count), f[names.IndexOf("skillCorrect")]);
            Assert.Equal(earlier.Count(e => e.ItemId == target.ItemId), f[names.IndexOf("itemAttempts")]);
            if (t == 0)
            {
                Assert.True(float.IsNaN(f[names.IndexOf("lastCorrect")]));
            }
            else
            {
                Assert.Equal(earlier[^1].Success == true ? 1f : 0f, f[names.IndexOf("lastCorrect")]);
            }
            var lastSeen = earlier.FindLastIndex(e => e.Skills.Intersect(skill).Any());
            if (lastSeen < 0)
            {
                Assert.True(float.IsNaN(f[names.IndexOf("skillGap")]));
            }
            else
            {
                Assert.Equal(t - lastSeen, f[names.IndexOf("skillGap")]);
            }
            var streak = 0;
            for (var i = t - 1; i >= 0 && earlier[i].Success == earlier[t - 1].Success; i--) streak++;
            Assert.Equal(t == 0 ? 0 : (earlier[t - 1].Success == true ? streak : -streak), f[names.IndexOf("streak")]);

            state.Apply(target, priors);
        }
    }
}
