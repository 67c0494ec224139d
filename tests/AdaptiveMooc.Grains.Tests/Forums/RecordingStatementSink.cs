using System.Collections.Concurrent;
using AdaptiveMooc.Grains.Forums;

namespace AdaptiveMooc.Grains.Tests.Forums;

/// <summary>Stands in for the statement ingest grain, so tests see exactly which statements were emitted.</summary>
internal sealed class RecordingStatementSink : ILearningStatementSink
{
    private readonly ConcurrentQueue<LearningStatement> emitted = new();

    public IReadOnlyList<LearningStatement> Emitted => [.. emitted];

    public Task EmitAsync(LearningStatement statement)
    {
        emitted.Enqueue(statement);
        return Task.CompletedTask;
    }
}
