import { Text, View } from '@tarojs/components'
import { RATING_DIMENSION_LABELS, RATING_DIMENSIONS, RATING_LEVEL_LABELS, type RatingDimension, type RatingLevel } from '@/core/rating/rating.levels'

/**
 * The three levels of a rating, one line each: '服务态度 满意（4）'. A level at 不满意 or worse is marked. The ids are
 * `<id>-<dimension>` when an id is given.
 */
export function RatingScores({ scores, id }: { scores: Record<RatingDimension, RatingLevel>; id?: string }) {
  return (
    <View className='rating-scores' id={id}>
      {RATING_DIMENSIONS.map((dimension) => (
        <View key={dimension} className='row' id={id ? `${id}-${dimension}` : undefined}>
          <Text className='row-label'>{RATING_DIMENSION_LABELS[dimension]}</Text>
          <Text className={scores[dimension] <= 2 ? 'row-value rating-low' : 'row-value'}>
            {RATING_LEVEL_LABELS[scores[dimension]]}（{scores[dimension]}）
          </Text>
        </View>
      ))}
    </View>
  )
}
