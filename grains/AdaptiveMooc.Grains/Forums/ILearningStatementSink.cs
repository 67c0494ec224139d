namespace AdaptiveMooc.Grains.Forums;

/// <summary>Where forum posts and webinar attendance become xAPI statements (the statement ingest
/// grain in a silo; a recorder in tests). Answers once the statement is durable.</summary>
internal interface ILearningStatementSink
{
    Task EmitAsync(LearningStatement statement);
}
