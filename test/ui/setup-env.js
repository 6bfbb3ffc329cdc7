// The pages read the platform at module load, as the build's DefinePlugin would have replaced it.
process.env.TARO_ENV = 'h5'
