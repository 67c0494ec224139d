using System.Runtime.CompilerServices;
using AdaptiveMooc.ML.Events;
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
        Assert.False(File.Exists(Path.Combine(_directory, "dropout.zip")));
    }

    [Fact]
    public async Task Stored_statements_retrain_a_loadable_dropout_model()
    {
        var result = await DatabaseModelTrainer.TrainAsync(new Events(Learners(300)), _directory, 1, _ => { });

        Assert.True(result.DropoutModelWritten);
        Assert.True(result.Dropped >= DatabaseModelTrainer.MinimumPerClass);
        var model = RiskModel.Load(_directory, "dropout");
        Assert.Equal("inactive-28d", model.Info.Target);
    }

    /// <summary>Learners active every few days for 120 days; every third stops after a few weeks.</summary>
    private static List<LearningEvent> Learners(int count)
    {
        var events = new List<LearningEvent>();
        for (var learner = 0; learner < count; learner++)
        {
            var stop = learner % 3 == 0 ? 10 + (learner % 30) : 120;
            for (var day = learner % 4; day < stop; day += 2 + (learner % 3))
            {
                events.Add(new LearningEvent($"l{learner}", "course", "lesson", null, LearningVerb.Experienced, Start.AddDays(day), null, null, null, []));
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
