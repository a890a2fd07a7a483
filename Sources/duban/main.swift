import DubanServer

await DubanCommand.runAsRoot()
