using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.ML.Training;

/// <summary>
/// The statements the platform has stored, as learning events ordered by course, learner and
/// timestamp. The platform's implementation reads the append-only <c>xapi_statements</c> table
/// (silo migration 0010); tests can pass events from memory.
/// </summary>
public interface IStatementSource
{
    IAsyncEnumerable<LearningEvent> ReadAsync(CancellationToken cancellationToken = default);
}
