using System.Diagnostics;

namespace Foremast.Workflows.Tests.Http;

/// <summary>A working repository and a bare "remote" in a temp folder, driven with the real git client.</summary>
public sealed class LocalGitRepository : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("foremast-git-");

    public LocalGitRepository()
    {
        Git(_root.FullName, "init", "--bare", "--quiet", "--initial-branch=main", Bare);
        Git(_root.FullName, "init", "--quiet", "--initial-branch=main", Work);
        Git(Work, "remote", "add", "origin", Bare);
    }

    public string Bare => Path.Combine(_root.FullName, "remote.git");

    public string Work => Path.Combine(_root.FullName, "work");

    /// <summary>Copies the files into <c>runway/</c>, commits, pushes to the bare remote and returns the commit.</summary>
    public string CommitRunway(string sourceDirectory, string message, Action<string>? edit = null)
    {
        var runway = Path.Combine(Work, "runway");
        Directory.CreateDirectory(runway);
        foreach (var file in Directory.EnumerateFiles(sourceDirectory)) File.Copy(file, Path.Combine(runway, Path.GetFileName(file)), overwrite: true);
        edit?.Invoke(runway);
        Git(Work, "add", "-A");
        Git(Work, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", message);
        Git(Work, "push", "--quiet", "origin", "main");
        return Git(Work, "rev-parse", "HEAD").Trim();
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static string Git(string directory, params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {error}");
    }
}
