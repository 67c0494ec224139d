using System.Runtime.CompilerServices;
using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Pacing;
using AdaptiveMooc.ML.Risk;
using AdaptiveMooc.ML.Training;

namespace AdaptiveMooc.ML.Tests.Risk;

public sealed class DatabaseModelTrainerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "from-db-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Too_little_history_leaves_the_models_alone()
    {
        var result = await DatabaseModelTrainer.TrainAsync(new Events(Learners(10)), _directory, 1, _ => { });

        Assert.False(result.DropoutModelWritten);
        Assert.False(result.RiskModelWritten);
        Assert.False(result.PacingModelWritten);
        Assert.False(File.Exists(Path.Combine(_directory, "dropout.zip")));
        Assert.False(File.Exists(Path.Combine(_directory, "risk.zip")));
        Assert.False(File.Exists(Path.Combine(_directory, "pacing.json")));
    }

    [Fact]
    public async Task Graded_statements_retrain_risk_and_pacing_too()
    {
        var result = await DatabaseModelTrainer.TrainAsync(new Events(Learners(300, graded: true)), _directory, 1, _ => { });

        Assert.True(result.DropoutModelWritten);
        Assert.True(result.RiskModelWritten);
        Assert.True(result.PacingModelWritten);
        Assert.True(result.AtRisk > result.Dropped); // failing learners who stayed are at risk, not dropped
        var risk = RiskModel.Load(_directory, "risk");
        Assert.Equal("inactive-28d-or-failing", risk.Info.Target);
        var pacing = PacingModel.Load(_directory);
        Assert.Equal(result.PacingPairs, pacing.Info.TrainedOn);

        // Learners who always submit a week late must look later than those who submit early.
        var late = pacing.PriorFor(new PacingContext("course", DatabaseModelTrainer.GradedKind, 1, 35, 0));
        Assert.True(late.LateOrMissingRate > 0 && late.LateOrMissingRate < 1);
    }

    [Fact]
    public async Task Stored_statements_retrain_a_loadable_dropout_model()
    {
        var result = await DatabaseModelTrainer.TrainAsync(new Events(Learners(300)), _directory, 1, _ => { });

        Assert.True(result.DropoutModelWritten);
        Assert.True(result.Dropped >= DatabaseModelTrainer.MinimumPerClass);
        Assert.Equal(0, result.DeclaredStudyHours);
        var model = RiskModel.Load(_directory, "dropout");
        Assert.Equal("inactive-28d", model.Info.Target);
    }

    /// <summary>
    /// Learners active every few days for 120 days; every third stops after a few weeks. With
    /// <paramref name="graded"/>, four quizzes around days 20, 35, 50 and 65, submitted from 2 days
    /// early to 4 days late depending on the learner, and failed by every fifth learner.
    /// </summary>
    private static List<LearningEvent> Learners(int count, bool graded = false)
    {
        var events = new List<LearningEvent>();
        for (var learner = 0; learner < count; learner++)
        {
            var stop = learner % 3 == 0 ? 10 + (learner % 30) : 120;
            for (var day = learner % 4; day < stop; day += 2 + (learner % 3))
            {
                events.Add(new LearningEvent($"l{learner}", "course", "lesson", null, LearningVerb.Experienced, Start.AddDays(day), null, null, null, []));
            }

            for (var quiz = 0; graded && quiz < 4; quiz++)
            {
                var day = 20 + (15 * quiz) + (learner % 7) - 2;
                if (day < stop)
                {
                    var fail = learner % 5 == 0;
                    events.Add(new LearningEvent(
                        $"l{learner}", "course", $"quiz-{quiz + 1}", null, fail ? LearningVerb.Failed : LearningVerb.Passed,
                        Start.AddDays(day).AddHours(1), !fail, fail ? 0.3 : 0.8, null, []));
                }
            }
        }

        return [.. events.OrderBy(e => e.LearnerId, StringComparer.Ordinal).ThenBy(e => e.Timestamp)];
    }

    [Fact]
    public async Task Declared_study_hours_reach_the_enrolments_they_belong_to()
    {
        // Every other learner declared; one declaration is for a course nobody posted about.
        var hours = Enumerable.Range(0, 300).Where(l => l % 2 == 0).ToDictionary(l => ("course", $"l{l}"), l => 5.0 + (l % 40));
        hours[("other-course", "l1")] = 12;

        var result = await DatabaseModelTrainer.TrainAsync(new Events(Learners(300), hours), _directory, 1, _ => { });

        Assert.Equal(150, result.DeclaredStudyHours);
        Assert.True(result.DropoutModelWritten);
    }

    private sealed class Events(IReadOnlyList<LearningEvent> events, IReadOnlyDictionary<(string, string), double>? hours = null) : IStatementSource
    {
        public Task<IReadOnlyDictionary<(string CourseId, string LearnerId), double>> DeclaredStudyHoursAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(hours ?? new Dictionary<(string, string), double>());

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
