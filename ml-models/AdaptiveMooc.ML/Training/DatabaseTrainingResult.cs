namespace AdaptiveMooc.ML.Training;

/// <summary>What <c>train --from-db</c> did.</summary>
public sealed record DatabaseTrainingResult(int Statements, int Courses, int Enrolments, int Snapshots, int Dropped, bool DropoutModelWritten, string Note);
