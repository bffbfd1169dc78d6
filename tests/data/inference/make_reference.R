# Reference values of copnet's inference layer (tests/inference_test.cpp), computed by R's sna
# on the real data sets of tests/data. Run from the repository root:
#   Rscript tests/data/inference/make_reference.R > tests/data/inference/sna-reference.json
# Needs r-base-core and r-cran-sna (Debian). Each value names the exact call that made it.
suppressMessages(library(sna))

read_net <- function(name) {
  nodes <- read.csv(file.path("tests/data", paste0(name, ".nodes.csv")), stringsAsFactors = FALSE,
                    colClasses = "character")
  ties <- read.csv(file.path("tests/data", paste0(name, ".ties.csv")), stringsAsFactors = FALSE)
  names(ties)[3] <- "relation"
  list(nodes = nodes, ties = ties, n = nrow(nodes))
}
# The 0/1 sociomatrix of a relation, rows = sources; a mutual relation symmetric.
relation <- function(net, name, mutual = FALSE) {
  m <- matrix(0, net$n, net$n)
  t <- net$ties[net$ties$relation == name, ]
  s <- match(t$source, net$nodes$id); r <- match(t$target, net$nodes$id)
  m[cbind(s, r)] <- 1
  if (mutual) m[cbind(r, s)] <- 1
  m
}
same <- function(net, col) { v <- net$nodes[[col]]; m <- outer(v, v, "==") * 1; diag(m) <- 0; m }
diffm <- function(net, col) { v <- as.numeric(net$nodes[[col]]); abs(outer(v, v, "-")) }
# NetworkX transitivity of the undirected graph: closed two-paths / two-paths.
transitivity <- function(m) {
  m <- as.sociomatrix.sna(m); if (length(dim(m)) > 2) m <- m[1, , ]
  u <- pmax(m, t(m)); a <- u %*% u
  trip <- sum(a) - sum(diag(a)); if (trip == 0) 0 else sum(diag(a %*% u)) / trip
}
num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
out <- character()
emit <- function(key, value) out <<- c(out, sprintf("  \"%s\": %s", key, value))

fit_json <- function(fit, terms, model, call) {
  parts <- c(sprintf("\"call\": \"%s\"", call), sprintf("\"model\": \"%s\"", model),
             sprintf("\"null\": \"%s\"", fit$nullhyp), sprintf("\"reps\": %d", REPS),
             sprintf("\"terms\": [%s]", paste0("\"", terms, "\"", collapse = ", ")),
             sprintf("\"estimate\": %s", vec(fit$coefficients)),
             sprintf("\"t\": %s", vec(fit$tstat)),
             sprintf("\"p_greater\": %s", vec(fit$pgreq)),
             sprintf("\"p_less\": %s", vec(fit$pleeq)),
             sprintf("\"p_two_sided\": %s", vec(fit$pgreqabs)))
  if (model == "lm") {
    y <- fit$fitted.values + fit$residuals
    r2 <- 1 - sum(fit$residuals^2) / sum((y - mean(y))^2)
    parts <- c(parts, sprintf("\"r_squared\": %s", num(r2)))
  } else {
    parts <- c(parts, sprintf("\"deviance\": %s", num(fit$deviance)),
               sprintf("\"null_deviance\": %s", num(fit$null.deviance)),
               sprintf("\"aic\": %s", num(fit$aic)), sprintf("\"bic\": %s", num(fit$bic)))
  }
  paste0("{", paste(parts, collapse = ", "), "}")
}

REPS <- 2000
set.seed(20261202)
k <- read_net("krackhardt-hightech")
advice <- relation(k, "influence"); friends <- relation(k, "friendship")
reports <- relation(k, "authority")
x <- list(friends, reports, same(k, "department"), diffm(k, "age"))
terms <- c("intercept", "friendship", "authority", "same:department", "diff:age")
for (nh in c("qapspp", "qapy", "qapx", "qapallx", "classical")) {
  f <- netlm(advice, x, nullhyp = nh, reps = REPS)
  emit(paste0("krackhardt.netlm.", nh),
       fit_json(f, terms, "lm", sprintf("netlm(advice, list(friendship, authority, same(department), |age_i - age_j|), nullhyp='%s', reps=%d)", nh, REPS)))
}
for (nh in c("qapspp", "qapy", "classical")) {
  f <- netlogit(advice, x, nullhyp = nh, reps = 1000)
  REPS_SAVE <- REPS; REPS <- 1000
  emit(paste0("krackhardt.netlogit.", nh),
       fit_json(f, terms, "logit", sprintf("netlogit(advice, list(friendship, authority, same(department), |age_i - age_j|), nullhyp='%s', reps=1000)", nh)))
  REPS <- REPS_SAVE
}

# Lazega: advice on co-work (mutual), friendship, same office, seniority difference.
l <- read_net("lazega-lawfirm")
ladvice <- relation(l, "influence"); lcowork <- relation(l, "collaboration", mutual = TRUE)
lfriends <- relation(l, "friendship")
lx <- list(lcowork, lfriends, same(l, "office"), diffm(l, "seniority"))
lterms <- c("intercept", "collaboration", "friendship", "same:office", "diff:seniority")
for (nh in c("qapspp", "classical")) {
  f <- netlm(ladvice, lx, nullhyp = nh, reps = REPS)
  emit(paste0("lazega.netlm.", nh),
       fit_json(f, lterms, "lm", sprintf("netlm(advice, list(cowork, friendship, same(office), |seniority_i - seniority_j|), nullhyp='%s', reps=%d)", nh, REPS)))
}
f <- netlogit(ladvice, lx, nullhyp = "classical")
emit("lazega.netlogit.classical",
     fit_json(f, lterms, "logit", "netlogit(advice, list(cowork, friendship, same(office), |seniority_i - seniority_j|), nullhyp='classical')"))
# Co-work as the response: unordered dyads (mode = 'graph'); friendship symmetrised.
lfs <- pmax(lfriends, t(lfriends))
f <- netlm(lcowork, list(lfs, same(l, "office")), mode = "graph", nullhyp = "qapspp", reps = REPS)
emit("lazega.netlm.graph",
     fit_json(f, c("intercept", "friendship", "same:office"), "lm",
              sprintf("netlm(cowork, list(pmax(friendship, t(friendship)), same(office)), mode='graph', nullhyp='qapspp', reps=%d)", REPS)))

# qaptest of the graph correlation of advice and friendship (advice permuted).
q <- qaptest(list(advice, friends), gcor, g1 = 1, g2 = 2, reps = REPS)
emit("krackhardt.qaptest.gcor",
     sprintf("{\"call\": \"qaptest(list(advice, friendship), gcor, g1=1, g2=2, reps=%d)\", \"observed\": %s, \"null_mean\": %s, \"null_sd\": %s, \"p_greater\": %s, \"p_less\": %s, \"reps\": %d}",
             REPS, num(q$testval), num(mean(q$dist)), num(sd(q$dist)), num(q$pgreq), num(q$pleeq), REPS))

# cug.test of transitivity (undirected) and edgewise reciprocity of advice.
for (cm in c("size", "edges", "dyad.census")) {
  for (stat in c("transitivity", "reciprocity")) {
    FUN <- if (stat == "transitivity") transitivity else function(m) grecip(m, measure = "edgewise")
    cu <- cug.test(advice, FUN, cmode = cm, reps = REPS)
    emit(sprintf("krackhardt.cug.%s.%s", stat, cm),
         sprintf("{\"call\": \"cug.test(advice, %s, mode='digraph', cmode='%s', reps=%d)\", \"observed\": %s, \"null_mean\": %s, \"null_sd\": %s, \"p_greater\": %s, \"p_less\": %s, \"reps\": %d}",
                 stat, cm, REPS, num(cu$obs.stat), num(mean(cu$rep.stat)), num(sd(cu$rep.stat)),
                 num(cu$pgteobs), num(cu$plteobs), REPS))
  }
}
cat("{\n", paste(c(sprintf("  \"generator\": \"%s\"", paste("R", getRversion(), "sna", packageVersion("sna"))), out), collapse = ",\n"), "\n}\n", sep = "")
