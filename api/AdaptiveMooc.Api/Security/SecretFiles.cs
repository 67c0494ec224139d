namespace AdaptiveMooc.Api.Security;

/// <summary>Creates secret files readable only by their owner, the way every secret under .data/secrets is kept.</summary>
internal static class SecretFiles
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="content"/> unless the file exists; returns what the file then holds.</summary>
    public static string ReadOrCreate(string path, Func<string> content)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }

        var text = content();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(text);
            return text;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs, so both sign with the same key.
            return File.ReadAllText(path);
        }
    }
}
