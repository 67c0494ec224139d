using System.Runtime.CompilerServices;
using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Training;

namespace AdaptiveMooc.ML.Tests.Risk;

/// <summary>
/// The retraining loop's judgement on a synthetic log with a known regularity (learners who will drop out
/// come every five days, the others every two): a candidate trained on the past beats the untrained
/// incumbent on the most recent weeks and is promoted; a candidate trained on shuffled labels is refused
/// against it; the time split never trains on the test weeks.
/// </summary>
public sealed class ModelRetrainerTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
    private readonly string directory = Directory.CreateTempSubdirectory("retrainer-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Promotes_a_candidate_that_beats_the_untrained_model_and_refuses_one_trained_on_shuffled_labels()
    {
        var source = new Events(Learners(900));
        var first = await ModelRetrainer.RunAsync(source, null, Path.Combine(directory, "run1"), new RetrainingOptions(), _ => { });

        var withdrawn = first.Models.Single(d => d.Model == ModelRetrainer.WithdrawnName);
        output.WriteLine($"withdrawn: {withdrawn.Reason}");
        Assert.Equal(ModelDecision.Promoted, withdrawn.Decision);
        Assert.Equal(ModelRetrainer.Untrained, withdrawn.Incumbent!.Model);
        Assert.Equal(0.5, withdrawn.Incumbent.Value, 6);
        Assert.True(withdrawn.Candidate!.Value > 0.7, withdrawn.Reason);
        Assert.Equal(withdrawn.Candidate.N, withdrawn.Incumbent.N);

        // The split: training examples were all predicted before the cut-off, test ones at or after it.
        var window = withdrawn.Window!;
        Assert.Equal(Start.AddDays(300) - TimeSpan.FromDays(28 + 42), window.Cutoff);
        Assert.True(window.TrainExamples > 0 && window.TestExamples >= 40);

        // Models the log cannot label are skipped with a reason, never promoted.
        Assert.Equal(ModelDecision.Skipped, first.Models.Single(d => d.Model == ModelRetrainer.PacingName).Decision);
        Assert.Equal(ModelDecision.Skipped, first.Models.Single(d => d.Model == ModelRetrainer.RankingName).Decision);
        Assert.Equal(ModelRetrainer.Files.Keys, first.Models.Select(d => d.Model));
        Assert.Contains("| withdrawn | auc |", first.Card, StringComparison.Ordinal);

        // The control: shuffled labels against the promoted model as incumbent.
        var serving = Path.Combine(directory, "serving");
        Directory.CreateDirectory(serving);
        foreach (var file in Directory.GetFiles(withdrawn.CandidateFolder!))
        {
            File.Copy(file, Path.Combine(serving, Path.GetFileName(file)));
        }

        var second = await ModelRetrainer.RunAsync(source, serving, Path.Combine(directory, "run2"), new RetrainingOptions { ShuffleLabels = true }, _ => { });
        var control = second.Models.Single(d => d.Model == ModelRetrainer.WithdrawnName);
        output.WriteLine($"withdrawn, shuffled labels: {control.Reason}");
        Assert.Equal(ModelDecision.Refused, control.Decision);
        Assert.Equal("serving", control.Incumbent!.Model);
        Assert.Equal(withdrawn.Candidate.Value, control.Incumbent.Value, 9);
        Assert.True(control.Candidate!.Value < control.Incumbent.Value - 0.1, control.Reason);
        Assert.True(second.ShuffledLabels);
    }

    [Fact]
    public async Task Knowledge_tracing_learnt_from_the_past_answers_beats_cold_start_on_the_recent_weeks()
    {
        var source = new Events(Answers(300));
        var first = await ModelRetrainer.RunAsync(source, null, Path.Combine(directory, "kt1"), new RetrainingOptions(), _ => { });
        var kt = first.Models.Single(d => d.Model == ModelRetrainer.KnowledgeTracingName);
        output.WriteLine($"knowledge tracing: {kt.Reason}");
        Assert.Equal(ModelDecision.Promoted, kt.Decision);
        Assert.Equal(ModelRetrainer.Untrained, kt.Incumbent!.Model);
        Assert.True(kt.Candidate!.Value > kt.Incumbent.Value + 0.05, kt.Reason);
        Assert.Equal(Start.AddDays(200) - TimeSpan.FromDays(42), kt.Window!.Cutoff);

        var control = (await ModelRetrainer.RunAsync(source, kt.CandidateFolder, Path.Combine(directory, "kt2"), new RetrainingOptions { ShuffleLabels = true }, _ => { }))
            .Models.Single(d => d.Model == ModelRetrainer.KnowledgeTracingName);
        output.WriteLine($"knowledge tracing, shuffled labels: {control.Reason}");
        Assert.Equal(ModelDecision.Refused, control.Decision);
        Assert.Equal(kt.Candidate.Value, control.Incumbent!.Value, 9);
    }

    [Theory]
    [InlineData(0.80, 0.80, true)]
    [InlineData(0.796, 0.80, true)]
    [InlineData(0.794, 0.80, false)]
    [InlineData(0.90, 0.50, true)]
    public void Not_worse_allows_the_tolerance_and_no_more(double candidate, double incumbent, bool promoted) =>
        Assert.Equal(promoted, ModelRetrainer.NotWorse(candidate, incumbent, 0.005));

    /// <summary>
    /// Learners enrol over 280 days; every third comes every five days and stops after 14-33 days, the others
    /// come every two days until day 300 (the end of the log).
    /// </summary>
    private static List<LearningEvent> Learners(int count)
    {
        var events = new List<LearningEvent>();
        for (var learner = 0; learner < count; learner++)
        {
            var enrol = learner * 280 / count;
            var drops = learner % 3 == 0;
            var stop = drops ? enrol + 14 + (learner % 20) : 300;
            for (var day = enrol; day <= stop && day <= 300; day += drops ? 5 : 2)
            {
                events.Add(new LearningEvent($"l{learner}", "course", $"lesson-{day % 9}", null, LearningVerb.Experienced, Start.AddDays(day), null, null, null, []));
            }
        }

        return [.. events.OrderBy(e => e.LearnerId, StringComparer.Ordinal).ThenBy(e => e.Timestamp)];
    }

    /// <summary>
    /// Learners answer one of 20 items every five days for 200 days; an item's difficulty and a learner's
    /// ability set the chance of a correct answer (seeded), so item and learner history predict the next answer.
    /// </summary>
    private static List<LearningEvent> Answers(int count)
    {
        var random = new Random(7);
        var events = new List<LearningEvent>();
        for (var learner = 0; learner < count; learner++)
        {
            var ability = (random.NextDouble() * 3) - 1.5;
            for (var day = learner % 5; day <= 200; day += 5)
            {
                var item = random.Next(20);
                var difficulty = (item - 10) / 4.0;
                var correct = random.NextDouble() < 1 / (1 + Math.Exp(difficulty - ability));
                events.Add(new LearningEvent(
                    $"a{learner}", "course", "quiz", $"q{item}", LearningVerb.Answered, Start.AddDays(day), correct, null, null, [$"s{item % 4}"]));
            }
        }

        return [.. events.OrderBy(e => e.LearnerId, StringComparer.Ordinal).ThenBy(e => e.Timestamp)];
    }

    private sealed class Events(IReadOnlyList<LearningEvent> events) : IStatementSource
    {
        public async IAsyncEnumerable<LearningEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var e in events)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return e;
            }

            await Task.CompletedTask;
        }
    }
}
