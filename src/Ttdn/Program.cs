// The single executable: `ttdn` serves the web app by default; other commands migrate, create an
// administrator, back up. See Cli/CommandLine.cs.
return await Ttdn.Cli.CommandLine.RunAsync(args);
