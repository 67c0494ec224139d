namespace AdaptiveMooc.Grains.Tests.Models;

/// <summary>The shipped model folder (ml-models/models) and private copies of it tests may change.</summary>
internal static class ModelFolders
{
    public static string Shipped
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "AdaptiveMooc.sln")))
            {
                root = root.Parent;
            }

            var folder = Path.Combine(root?.FullName ?? throw new InvalidOperationException("No AdaptiveMooc.sln above the test assembly."), "ml-models", "models");
            return File.Exists(Path.Combine(folder, "next-lesson.zip"))
                ? folder
                : throw new InvalidOperationException($"{folder} holds no trained models: the serving tests need the shipped model files.");
        }
    }

    /// <summary>A temporary copy of the shipped models; the caller deletes it.</summary>
    public static string Copy()
    {
        var copy = Path.Combine(Path.GetTempPath(), "mooc-model-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Shipped))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }
}
